package org.netzerocities.notification.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How emails are sent ({@code nzc.notifications.email.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from              the sender of every email
 * @param requireVerified   skip (non-critical) emails to addresses the member has not verified (community-service
 *                          verifies them by a one-time link); the account-security emails are always sent
 * @param contactWait       how long an email waits for its member's contact before it is abandoned
 * @param giveUpAfter       how long transient SMTP failures are retried before the email is abandoned
 * @param initialBackoff    the first wait before a retry; doubled at each attempt up to {@code maxBackoff}
 * @param retryPoll         how often the retry loop looks for due emails
 * @param unsubscribeKey    the HMAC key of unsubscribe tokens and address marks; when blank, a random key is
 *                          generated once and shared by all instances through the database
 * @param unsubscribeValidity how long an unsubscribe link works
 */
@ConfigurationProperties("nzc.notifications.email")
public record EmailSettings(
        @DefaultValue("NetZeroCommunities <no-reply@netzerocommunities.local>") String from,
        @DefaultValue("true") boolean requireVerified,
        @DefaultValue("24h") Duration contactWait,
        @DefaultValue("48h") Duration giveUpAfter,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("5s") Duration retryPoll,
        String unsubscribeKey,
        @DefaultValue("365d") Duration unsubscribeValidity) {

    /** The wait before retry number {@code attempt} (1 = the first retry). */
    Duration backoff(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
    }
}
