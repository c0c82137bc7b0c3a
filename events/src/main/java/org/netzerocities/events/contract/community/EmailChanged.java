package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member's email address changed: the previous address is told. */
public record EmailChanged(
        String memberId,
        String previousEmail,
        Instant changedAt) {
}
