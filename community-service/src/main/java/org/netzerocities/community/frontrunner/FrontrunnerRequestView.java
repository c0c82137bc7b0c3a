package org.netzerocities.community.frontrunner;

import java.time.Instant;

/**
 * A frontrunner request as the API and the member's data export show it.
 *
 * @param status      {@code PENDING}, {@code GRANTED} or {@code DECLINED}
 * @param answeredBy  who answered, once answered
 */
public record FrontrunnerRequestView(String id, String memberId, String displayName, String city, String motivation,
        String status, Instant requestedAt, String answeredBy, Instant answeredAt) {

    static FrontrunnerRequestView of(FrontrunnerRequest request) {
        boolean answered = request.status() != FrontrunnerRequest.Status.PENDING;
        return new FrontrunnerRequestView(request.id(), request.memberId(), request.displayName(), request.city(),
                request.motivation(), request.status().name(), request.requestedAt(),
                answered ? request.answeredBy() : null, answered ? request.answeredAt() : null);
    }
}
