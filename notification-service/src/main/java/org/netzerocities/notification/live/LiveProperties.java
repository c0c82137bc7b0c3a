package org.netzerocities.notification.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nzc.notifications.live.*}.
 *
 * @param heartbeat      how often an open stream gets a comment, so that proxies do not close it as idle
 * @param timeout        how long a stream stays open; the client then reconnects with its Last-Event-ID
 * @param ticketLifetime how long a stream ticket can be used (once)
 */
@ConfigurationProperties("nzc.notifications.live")
public record LiveProperties(Duration heartbeat, Duration timeout, Duration ticketLifetime) {

    public LiveProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        timeout = timeout == null ? Duration.ofHours(1) : timeout;
        ticketLifetime = ticketLifetime == null ? Duration.ofSeconds(60) : ticketLifetime;
    }
}
