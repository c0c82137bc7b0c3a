package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member asked to reset a forgotten password: the link lets them set a new one. */
public record PasswordResetRequested(
        String memberId,
        String link,
        Instant requestedAt,
        Instant expiresAt) {
}
