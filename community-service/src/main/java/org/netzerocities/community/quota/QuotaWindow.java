package org.netzerocities.community.quota;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one key (an account's log-ins, a member's pins...) has used of its quota: {@code count} attempts in the
 * window that ends at {@code end}. A window starts at the key's first attempt after the previous one ended, so that
 * at most {@code limit} attempts ever fall within one window's length of each other's start.
 */
@Document(QuotaWindow.COLLECTION)
record QuotaWindow(@Id String id, int count, @Indexed(expireAfter = "0s") Instant end) {

    static final String COLLECTION = "quotas";
    static final String COUNT = "count";
    static final String END = "end";

    boolean isCurrent(Instant now) {
        return end.isAfter(now);
    }

    /** Whether no attempt is left before the window ends. */
    boolean isFull(int limit, Instant now) {
        return isCurrent(now) && count >= limit;
    }

    /** How long until the window ends, in whole seconds (as {@code Retry-After} states it), at least one. */
    Duration retryAfter(Instant now) {
        long millis = Duration.between(now, end).toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }
}
