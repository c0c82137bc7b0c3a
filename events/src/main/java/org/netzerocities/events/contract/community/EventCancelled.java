package org.netzerocities.events.contract.community;

import java.time.Instant;
import java.util.List;

/** A scheduled event was cancelled; {@code registrantIds} (confirmed and waitlisted) are told why. */
public record EventCancelled(
        String eventId,
        String title,
        Instant startsAt,
        String reason,
        List<String> registrantIds) {
}
