package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member must confirm their email address by following a one-time link. */
public record EmailVerificationRequested(
        String memberId,
        String link,
        Instant requestedAt,
        Instant expiresAt) {
}
