package org.netzerocities.community.collaboration;

import java.time.Instant;
import java.util.List;

/** Collaboration requests as the API and the member's data export show them. */
public final class CollaborationViews {

    private CollaborationViews() {
    }

    /**
     * A request with its thread.
     *
     * @param status {@code OPEN}, {@code MORE_INFO_REQUESTED}, {@code ACCEPTED} or {@code DECLINED}
     */
    public record CollaborationRequestView(String id, String memberId, String city, String topic, String idea,
            String contribution, String contributionDetails, String status, Instant requestedAt, Instant lastActivityAt,
            String answeredBy, Instant answeredAt, List<CollaborationMessageView> messages) {

        static CollaborationRequestView of(CollaborationRequest request) {
            var offer = request.offer();
            return new CollaborationRequestView(request.id(), request.memberId(), request.city(), offer.topic(),
                    offer.idea(), offer.contribution().name(), offer.contributionDetails(), request.status().name(),
                    request.requestedAt(), request.lastActivityAt(), request.answeredBy(), request.answeredAt(),
                    request.messages().stream().map(CollaborationMessageView::of).toList());
        }
    }

    /** A request in a list: its thread is read one request at a time. */
    public record CollaborationRequestSummary(String id, String memberId, String city, String topic,
            String contribution, String status, Instant requestedAt, Instant lastActivityAt, int messageCount) {

        static CollaborationRequestSummary of(CollaborationRequest request) {
            return new CollaborationRequestSummary(request.id(), request.memberId(), request.city(),
                    request.offer().topic(), request.offer().contribution().name(), request.status().name(),
                    request.requestedAt(), request.lastActivityAt(), request.messages().size());
        }
    }

    /**
     * A message of a thread.
     *
     * @param authorId {@code null} once its author's account is erased
     * @param side     {@code MEMBER} or {@code TRANSITION_TEAM}
     */
    public record CollaborationMessageView(String id, String authorId, String side, String text, Instant sentAt) {

        static CollaborationMessageView of(CollaborationRequest.Message message) {
            return new CollaborationMessageView(message.id(), message.authorId(), message.side().name(), message.text(),
                    message.sentAt());
        }
    }

    /** A message the member wrote in another member's request, as a member of its transition team. */
    public record CollaborationMessageWritten(String requestId, String city, CollaborationMessageView message) {
    }
}
