package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member accepted a version of the community manifesto. */
public record ManifestoAccepted(
        String memberId,
        int version,
        Instant acceptedAt) {
}
