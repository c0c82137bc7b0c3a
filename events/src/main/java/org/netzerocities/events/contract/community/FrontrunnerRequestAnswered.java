package org.netzerocities.events.contract.community;

import java.time.Instant;

/** The city's transition team (or an admin) granted or declined a frontrunner request. */
public record FrontrunnerRequestAnswered(
        String requestId,
        String memberId,
        String city,
        String answer,
        String answeredBy,
        Instant answeredAt) {
}
