package org.netzerocities.events.contract.community;

import java.time.Instant;

/**
 * A member offered to collaborate with their city's transition team.
 *
 * @param contribution how they want to contribute, e.g. {@code VOLUNTEERING} or {@code EXPERTISE}
 */
public record CollaborationRequested(
        String requestId,
        String memberId,
        String city,
        String topic,
        String contribution,
        Instant requestedAt) {
}
