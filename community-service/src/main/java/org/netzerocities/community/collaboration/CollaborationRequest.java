package org.netzerocities.community.collaboration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.CollaborationAnswered;
import org.netzerocities.events.contract.community.CollaborationRequested;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's offer to collaborate with their city's transition team, and the thread of messages between them.
 * The team accepts, declines, or asks for more: a request waiting for the member's reply
 * ({@code MORE_INFO_REQUESTED}) is open again ({@code OPEN}) once they reply. Accepted and declined requests are
 * answered for good; an accepted one keeps its thread for working together, a declined one takes no more
 * messages. The thread is bounded so that the document cannot grow without limit.
 */
@Document(CollaborationRequest.COLLECTION)
@CompoundIndex(name = "city_status_activity", def = "{'city': 1, 'status': 1, 'lastActivityAt': -1}")
@CompoundIndex(name = "member_activity", def = "{'memberId': 1, 'lastActivityAt': -1}")
@CompoundIndex(name = "message_authors", def = "{'messages.authorId': 1}")
@CompoundIndex(name = "answered_by", def = "{'answeredBy': 1}", sparse = true)
class CollaborationRequest implements OutboxAggregate {

    static final String COLLECTION = "collaboration_requests";
    static final String MEMBER_ID = "memberId";
    static final String CITY = "city";
    static final String STATUS = "status";
    static final String MESSAGE_AUTHORS = "messages.authorId";
    static final String ANSWERED_BY = "answeredBy";
    static final String REQUESTED_AT = "requestedAt";
    static final String LAST_ACTIVITY_AT = "lastActivityAt";
    static final int MAX_MESSAGES = 200;

    enum Status {
        OPEN, MORE_INFO_REQUESTED, ACCEPTED, DECLINED;

        boolean answered() {
            return this == ACCEPTED || this == DECLINED;
        }
    }

    enum Answer {
        ACCEPTED(Status.ACCEPTED), DECLINED(Status.DECLINED), MORE_INFO(Status.MORE_INFO_REQUESTED);

        private final Status status;

        Answer(Status status) {
            this.status = status;
        }
    }

    /** How the member wants to contribute. */
    enum Contribution {
        VOLUNTEERING, EXPERTISE, ORGANISING_EVENTS, OUTREACH, PROJECT_PARTNERSHIP, OTHER
    }

    /** Which side of the conversation wrote a message. */
    enum Side {
        MEMBER, TRANSITION_TEAM
    }

    /**
     * One message of the thread, plain text.
     *
     * @param authorId {@code null} once its author's account is erased
     */
    record Message(String id, String authorId, Side side, String text, Instant sentAt) {
    }

    /** What a member offers, validated. */
    record Offer(String topic, String idea, Contribution contribution, String contributionDetails) {
    }

    @Id
    private final String id;
    private final String memberId;
    private final String city;
    private final Offer offer;
    private Status status;
    private final List<Message> messages;
    /** Who answered last and when; a {@code MORE_INFO} answer counts, so the latest answer is shown. */
    private String answeredBy;
    private Instant answeredAt;
    private final Instant requestedAt;
    private Instant lastActivityAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    CollaborationRequest(String id, String memberId, String city, Offer offer, Status status, List<Message> messages,
            String answeredBy, Instant answeredAt, Instant requestedAt, Instant lastActivityAt, Long version,
            List<PendingEvent> outbox) {
        this.id = id;
        this.memberId = memberId;
        this.city = city;
        this.offer = offer;
        this.status = status;
        this.messages = messages == null ? new ArrayList<>() : new ArrayList<>(messages);
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.requestedAt = requestedAt;
        this.lastActivityAt = lastActivityAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new open request to the transition team of the member's city, announced to that team. */
    static CollaborationRequest open(String id, String memberId, String city, Offer offer, Instant now,
            EventFactory events) {
        var request = new CollaborationRequest(id, memberId, city, offer, Status.OPEN, List.of(), null, null, now,
                now, null, List.of());
        request.outbox.add(events.create(EventCatalog.COLLABORATION_REQUESTED, id, new CollaborationRequested(id,
                memberId, city, offer.topic(), offer.contribution().name(), now)));
        return request;
    }

    /** The member who asked, the city's transition team and admins see the request and its thread. */
    boolean readableBy(Caller caller) {
        return caller.memberId().equals(memberId) || answerableBy(caller);
    }

    /** The transition team of the request's city, or an admin; never the member who asked. */
    boolean answerableBy(Caller caller) {
        return !caller.memberId().equals(memberId)
                && (caller.isAdmin() || caller.holds(CityRole.TRANSITION_TEAM, city));
    }

    /**
     * Adds a message to the thread. The member's reply to a request for more information opens it again.
     *
     * @throws ApiProblem 409 when the request was declined, or its thread is full
     */
    Message post(String authorId, Side side, String text, Instant now) {
        if (status == Status.DECLINED) {
            throw ApiProblem.conflict("request-declined", "This request was declined; its thread is closed");
        }
        if (messages.size() >= MAX_MESSAGES) {
            throw ApiProblem.conflict("thread-full", "This thread holds " + MAX_MESSAGES + " messages, the most "
                    + "it can; please continue elsewhere");
        }
        var message = new Message(id + "-" + (messages.size() + 1), authorId, side, text, now);
        messages.add(message);
        if (side == Side.MEMBER && status == Status.MORE_INFO_REQUESTED) {
            status = Status.OPEN;
        }
        lastActivityAt = now;
        return message;
    }

    /**
     * The transition team's answer, with an optional message in the thread, announced to the member.
     * {@code MORE_INFO} may be asked again while the request is open.
     *
     * @throws ApiProblem 409 when the request was accepted or declined already, or its thread is full
     */
    void answer(Answer answer, String by, String message, Instant now, EventFactory events) {
        if (status.answered()) {
            throw ApiProblem.conflict("already-answered", "This request was " + status + " already");
        }
        if (message != null) {
            post(by, Side.TRANSITION_TEAM, message, now);
        }
        status = answer.status;
        answeredBy = by;
        answeredAt = now;
        lastActivityAt = now;
        outbox.add(events.create(EventCatalog.COLLABORATION_ANSWERED, id,
                new CollaborationAnswered(id, memberId, city, answer.name(), by, now)));
    }

    /**
     * Removes an erased member's id from the messages they wrote and the answer they gave in this request of
     * another member; the texts stay, as the member who asked was told them.
     *
     * @return whether anything changed
     */
    boolean forgetAuthor(String erasedId) {
        boolean changed = false;
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (erasedId.equals(message.authorId())) {
                messages.set(i, new Message(message.id(), null, message.side(), message.text(), message.sentAt()));
                changed = true;
            }
        }
        if (erasedId.equals(answeredBy)) {
            answeredBy = null;
            changed = true;
        }
        return changed;
    }

    String id() {
        return id;
    }

    String memberId() {
        return memberId;
    }

    String city() {
        return city;
    }

    Offer offer() {
        return offer;
    }

    Status status() {
        return status;
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    String answeredBy() {
        return answeredBy;
    }

    Instant answeredAt() {
        return answeredAt;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant lastActivityAt() {
        return lastActivityAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
