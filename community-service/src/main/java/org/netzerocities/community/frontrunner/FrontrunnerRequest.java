package org.netzerocities.community.frontrunner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.FrontrunnerRequestAnswered;
import org.netzerocities.events.contract.community.FrontrunnerRequested;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's request to become a frontrunner of their city, until the city's transition team or an admin
 * answers it. Answering takes three steps so that a crash between them is repaired by answering again: the
 * decision is recorded ({@link #decide}), the role is granted on the member, then the request is closed and
 * the answer announced ({@link #close}).
 */
@Document(FrontrunnerRequest.COLLECTION)
@CompoundIndex(name = "city_status_requested", def = "{'city': 1, 'status': 1, 'requestedAt': 1}")
@CompoundIndex(name = "member_requested", def = "{'memberId': 1, 'requestedAt': -1}")
class FrontrunnerRequest implements OutboxAggregate {

    static final String COLLECTION = "frontrunner_requests";
    static final String MEMBER_ID = "memberId";
    static final String CITY = "city";
    static final String STATUS = "status";
    static final String REQUESTED_AT = "requestedAt";

    enum Status {
        PENDING, GRANTED, DECLINED
    }

    enum Answer {
        GRANTED, DECLINED;

        Status status() {
            return Status.valueOf(name());
        }
    }

    @Id
    private final String id;
    private final String memberId;
    private final String displayName;
    private final String city;
    private final String motivation;
    private Status status;
    /**
     * The member id while pending, the request's own id once answered: unique, so a member has one pending
     * request at most even when two instances take two requests at the same moment.
     */
    @Indexed(unique = true)
    private String openSlot;
    /** Recorded before the role is granted; the request stays pending until {@link #close}. */
    private Answer answer;
    private String answeredBy;
    private final Instant requestedAt;
    private Instant answeredAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    FrontrunnerRequest(String id, String memberId, String displayName, String city, String motivation, Status status,
            String openSlot, Answer answer, String answeredBy, Instant requestedAt, Instant answeredAt, Long version,
            List<PendingEvent> outbox) {
        this.id = id;
        this.memberId = memberId;
        this.displayName = displayName;
        this.city = city;
        this.motivation = motivation;
        this.status = status;
        this.openSlot = openSlot;
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.requestedAt = requestedAt;
        this.answeredAt = answeredAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new pending request, announced with {@code FrontrunnerRequested} to the city's transition team. */
    static FrontrunnerRequest open(String id, String memberId, String displayName, String city, String motivation,
            Instant now, EventFactory events) {
        var request = new FrontrunnerRequest(id, memberId, displayName, city, motivation, Status.PENDING, memberId,
                null, null, now, null, null, List.of());
        request.outbox.add(events.create(EventCatalog.FRONTRUNNER_REQUESTED, memberId,
                new FrontrunnerRequested(id, memberId, displayName, city, motivation, now)));
        return request;
    }

    /**
     * Records the answer before it takes effect. Answering again with the same answer continues an answer
     * interrupted half-way; a different answer is refused, except that a grant that can no longer happen (the
     * member left the city) may still be turned into a decline, so the request does not stay open for good.
     *
     * @param memberInCity whether the member still lives in the request's city
     * @return whether the decision changed (and needs saving)
     * @throws ApiProblem 409 when answered already, or when granting to a member who left the city
     */
    boolean decide(Answer decision, String by, boolean memberInCity, Instant now) {
        if (status != Status.PENDING) {
            throw ApiProblem.conflict("already-answered", "This request was " + status + " already");
        }
        if (decision == Answer.GRANTED && !memberInCity) {
            throw ApiProblem.conflict("member-moved",
                    "The member no longer lives in " + city + "; the request can only be declined");
        }
        if (decision == answer) {
            return false;
        }
        if (answer != null && !(answer == Answer.GRANTED && !memberInCity)) {
            throw ApiProblem.conflict("already-answered", "This request is being " + answer + " already");
        }
        answer = decision;
        answeredBy = by;
        answeredAt = now;
        return true;
    }

    /** Closes the decided request, frees the member's slot for a later request, and tells the member. */
    void close(EventFactory events) {
        if (answer == null || status != Status.PENDING) {
            throw new IllegalStateException("Request " + id + " is not decided and pending");
        }
        status = answer.status();
        openSlot = id;
        outbox.add(events.create(EventCatalog.FRONTRUNNER_REQUEST_ANSWERED, memberId,
                new FrontrunnerRequestAnswered(id, memberId, city, answer.name(), answeredBy, answeredAt)));
    }

    String id() {
        return id;
    }

    String memberId() {
        return memberId;
    }

    String displayName() {
        return displayName;
    }

    String city() {
        return city;
    }

    String motivation() {
        return motivation;
    }

    Status status() {
        return status;
    }

    Answer answer() {
        return answer;
    }

    String answeredBy() {
        return answeredBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant answeredAt() {
        return answeredAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
