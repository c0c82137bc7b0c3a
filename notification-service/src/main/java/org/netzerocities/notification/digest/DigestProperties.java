package org.netzerocities.notification.digest;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nzc.notifications.digest.*}.
 *
 * @param interval   how often the digest run looks for due members (once across instances); a member's digest
 *                   leaves at most this long after {@code sendAt}
 * @param sendAt     the local time from which a member's daily digest is due
 * @param maxEntries notifications listed in one digest at most, newest first (the email gives the total)
 * @param chunk      members whose digests are sent and recorded together
 */
@ConfigurationProperties("nzc.notifications.digest")
public record DigestProperties(@DefaultValue("PT5M") Duration interval, @DefaultValue("08:00") LocalTime sendAt,
        @DefaultValue("100") int maxEntries, @DefaultValue("1000") int chunk) {
}
