package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member asked to become a frontrunner of their city; the city's transition team answers. */
public record FrontrunnerRequested(
        String requestId,
        String memberId,
        String displayName,
        String city,
        String motivation,
        Instant requestedAt) {
}
