package org.netzerocities.community.collaboration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.netzerocities.community.collaboration.CollaborationBodies.CollaborationAnswer;
import org.netzerocities.community.collaboration.CollaborationBodies.NewCollaborationRequest;
import org.netzerocities.community.collaboration.CollaborationViews.CollaborationMessageView;
import org.netzerocities.community.collaboration.CollaborationViews.CollaborationMessageWritten;
import org.netzerocities.community.collaboration.CollaborationViews.CollaborationRequestSummary;
import org.netzerocities.community.collaboration.CollaborationViews.CollaborationRequestView;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.MemberService;
import org.netzerocities.community.quota.QuotaProperties;
import org.netzerocities.community.quota.Quotas;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Members offer to collaborate with their city's transition team; the team accepts, declines or asks for more, and
 * both sides write in the request's thread. Changes are saved whole under the request's version: a save that
 * loses a race (the other side writing, the relay removing sent events) reads the request again.
 */
@Service
class CollaborationRequests {

    private static final Logger log = LoggerFactory.getLogger(CollaborationRequests.class);

    /** Newest activity first: a reply brings a request back to the top of the team's list. */
    static final Sort ACTIVITY_ORDER = Sort.by(Sort.Direction.DESC, CollaborationRequest.LAST_ACTIVITY_AT, "_id");

    private final MongoTemplate mongo;
    private final MemberService members;
    private final EventFactory events;
    private final Clock clock;
    private final Quotas quotas;
    private final QuotaProperties.Limit quota;

    CollaborationRequests(MongoTemplate mongo, MemberService members, EventFactory events, Clock clock,
            Quotas quotas, QuotaProperties quotaProperties) {
        this.mongo = mongo;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.quotas = quotas;
        this.quota = quotaProperties.collaborationRequests();
    }

    /**
     * Opens a request to the transition team of the member's city and announces it to that team.
     *
     * @throws ApiProblem 409 when the member's profile names no city; 429 when the member has opened as many
     *                    requests as a window allows (nzc.community.quotas.collaboration-requests), so that a
     *                    transition team cannot be flooded
     */
    CollaborationRequest request(String memberId, NewCollaborationRequest body) {
        Member member = members.get(memberId);
        if (member.city() == null) {
            throw ApiProblem.conflict("no-city", "Choose your city in your profile before offering to collaborate");
        }
        var offer = new CollaborationRequest.Offer(body.topic().strip(), body.idea().strip(), body.contribution(),
                body.contributionDetails() == null || body.contributionDetails().isBlank() ? null
                        : body.contributionDetails().strip());
        quotas.require("collaboration-requests:" + memberId, quota, now(), "too-many-collaboration-requests",
                "You may open " + quota.describe("collaboration requests") + "; try again later");
        CollaborationRequest request = mongo.insert(CollaborationRequest.open(UUID.randomUUID().toString(), memberId,
                member.city(), offer, now(), events));
        log.info("Member {} offered to collaborate with the transition team of {} (request {})", memberId,
                request.city(), request.id());
        return request;
    }

    /**
     * The request, for those who may read it.
     *
     * @throws ApiProblem 404 unknown, or not the member who asked, the city's transition team nor an admin:
     *                    whether someone else's request exists is not told
     */
    CollaborationRequest get(String id, Caller caller) {
        CollaborationRequest request = mongo.findById(id, CollaborationRequest.class);
        if (request == null || !request.readableBy(caller)) {
            throw ApiProblem.notFound("Collaboration request " + id);
        }
        return request;
    }

    /**
     * Adds the caller's message to the thread: the member who asked, or the city's transition team (or an admin).
     *
     * @throws ApiProblem 404 as {@link #get}, 409 declined request or full thread
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public CollaborationRequest post(String id, String text, Caller caller) {
        CollaborationRequest request = get(id, caller);
        var side = caller.memberId().equals(request.memberId()) ? CollaborationRequest.Side.MEMBER
                : CollaborationRequest.Side.TRANSITION_TEAM;
        var message = request.post(caller.memberId(), side, text.strip(), now());
        request = mongo.save(request);
        log.info("Message {} by {} ({}) in collaboration request {}", message.id(), caller.memberId(), side, id);
        return request;
    }

    /**
     * The transition team's (or an admin's) answer, announced to the member.
     *
     * @throws ApiProblem 404 as {@link #get}, 403 the member who asked, 409 answered already or full thread
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public CollaborationRequest answer(String id, CollaborationAnswer body, Caller caller) {
        CollaborationRequest request = get(id, caller);
        if (!request.answerableBy(caller)) {
            throw ApiProblem.forbidden("Only the transition team of " + request.city() + " or an admin may answer");
        }
        String message = body.message() == null || body.message().isBlank() ? null : body.message().strip();
        request.answer(body.answer(), caller.memberId(), message, now(), events);
        request = mongo.save(request);
        log.info("Collaboration request {} of member {} answered {} by {}", id, request.memberId(), body.answer(),
                caller.memberId());
        return request;
    }

    /** Requests of one city or, for admins, of every city. */
    PageResponse<CollaborationRequestSummary> list(String city, CollaborationRequest.Status status, Pageable page) {
        return page(city == null ? new Query() : Query.query(Criteria.where(CollaborationRequest.CITY).is(city)),
                status, page);
    }

    /** The member's own requests. */
    PageResponse<CollaborationRequestSummary> mine(String memberId, CollaborationRequest.Status status,
            Pageable page) {
        return page(Query.query(Criteria.where(CollaborationRequest.MEMBER_ID).is(memberId)), status, page);
    }

    private PageResponse<CollaborationRequestSummary> page(Query query, CollaborationRequest.Status status,
            Pageable page) {
        if (status != null) {
            query.addCriteria(Criteria.where(CollaborationRequest.STATUS).is(status));
        }
        long total = mongo.count(query, CollaborationRequest.class);
        List<CollaborationRequest> items = mongo.find(query.with(page), CollaborationRequest.class);
        return new PageResponse<>(items.stream().map(CollaborationRequestSummary::of).toList(), page.getPageNumber(),
                page.getPageSize(), total);
    }

    /**
     * For the member's data export: the requests they made, oldest first, with their threads, and the messages
     * they wrote in others' requests as a member of a transition team.
     */
    Map<String, Object> export(String memberId) {
        List<CollaborationRequestView> made = mongo.find(
                Query.query(Criteria.where(CollaborationRequest.MEMBER_ID).is(memberId))
                        .with(Sort.by(CollaborationRequest.REQUESTED_AT)),
                CollaborationRequest.class).stream().map(CollaborationRequestView::of).toList();
        List<CollaborationMessageWritten> written = mongo.find(
                Query.query(Criteria.where(CollaborationRequest.MESSAGE_AUTHORS).is(memberId)
                        .and(CollaborationRequest.MEMBER_ID).ne(memberId))
                        .with(Sort.by(CollaborationRequest.REQUESTED_AT)),
                CollaborationRequest.class).stream()
                .flatMap(request -> request.messages().stream()
                        .filter(message -> memberId.equals(message.authorId()))
                        .map(message -> new CollaborationMessageWritten(request.id(), request.city(),
                                CollaborationMessageView.of(message))))
                .toList();
        return Map.of("requests", made, "messagesInOthersRequests", written);
    }

    /**
     * Drops an erased member's requests, unsent events included, and takes their id off what they wrote or
     * answered in others' requests. Doing it again changes nothing.
     */
    void forget(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where(CollaborationRequest.MEMBER_ID).is(memberId)),
                CollaborationRequest.class).getDeletedCount();
        Query authored = Query.query(new Criteria().orOperator(
                Criteria.where(CollaborationRequest.MESSAGE_AUTHORS).is(memberId),
                Criteria.where(CollaborationRequest.ANSWERED_BY).is(memberId)));
        int anonymised = 0;
        for (CollaborationRequest request : mongo.find(authored, CollaborationRequest.class)) {
            if (anonymise(request.id(), memberId)) {
                anonymised++;
            }
        }
        if (removed + anonymised > 0) {
            log.info("Removed {} collaboration requests of erased member {}; {} others' requests no longer name them",
                    removed, memberId, anonymised);
        }
    }

    /** Reads the request again after a lost race: the member's messages may have moved on meanwhile. */
    private boolean anonymise(String requestId, String memberId) {
        for (int attempt = 0;; attempt++) {
            CollaborationRequest request = mongo.findById(requestId, CollaborationRequest.class);
            if (request == null || !request.forgetAuthor(memberId)) {
                return false;
            }
            try {
                mongo.save(request);
                return true;
            }
            catch (OptimisticLockingFailureException ex) {
                if (attempt == 5) {
                    throw ex; // the event is delivered again later
                }
            }
        }
    }

    /** Millisecond precision: what MongoDB stores, so a request matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
