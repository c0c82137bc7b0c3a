package org.netzerocities.campaign.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * What the refresh job does with a stored token, by its expiry: nothing while it has longer than the window to
 * live; within the window, refresh it (Instagram refreshes only tokens that are still valid); once expired, only
 * tell the teams, who must store a new one.
 */
enum RefreshWindow {
    NOT_YET,
    REFRESH,
    EXPIRED;

    static RefreshWindow of(Instant expiresAt, Instant now, Duration window) {
        if (!expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        return expiresAt.isAfter(now.plus(window)) ? NOT_YET : REFRESH;
    }
}
