package org.netzerocities.notification.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nzc.notifications.inbox.*}.
 *
 * @param retention     how long a notification is kept after it was written
 * @param purgeInterval how often notifications past their retention are removed (the embedded database never
 *                      expires the TTL index)
 */
@ConfigurationProperties("nzc.notifications.inbox")
public record InboxProperties(Duration retention, Duration purgeInterval) {

    public InboxProperties {
        retention = retention == null ? Duration.ofDays(180) : retention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
    }
}
