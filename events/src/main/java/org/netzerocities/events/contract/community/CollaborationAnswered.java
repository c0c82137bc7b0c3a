package org.netzerocities.events.contract.community;

import java.time.Instant;

/**
 * The city's transition team (or an admin) answered a collaboration request.
 *
 * @param answer {@code ACCEPTED}, {@code DECLINED}, or {@code MORE_INFO} (the request stays open for the
 *               member's reply)
 */
public record CollaborationAnswered(
        String requestId,
        String memberId,
        String city,
        String answer,
        String answeredBy,
        Instant answeredAt) {
}
