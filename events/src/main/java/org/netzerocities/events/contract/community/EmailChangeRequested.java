package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member asked to change their email address: the new address confirms it by a one-time link. */
public record EmailChangeRequested(
        String memberId,
        String newEmail,
        String link,
        Instant requestedAt,
        Instant expiresAt) {
}
