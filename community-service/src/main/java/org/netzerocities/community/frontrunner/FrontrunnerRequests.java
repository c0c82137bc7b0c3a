package org.netzerocities.community.frontrunner;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.MemberService;
import org.netzerocities.community.member.Role;
import org.netzerocities.community.member.RoleGrantRequest;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/** Members ask to become frontrunners of their city; the city's transition team or an admin answers. */
@Service
public class FrontrunnerRequests {

    private static final Logger log = LoggerFactory.getLogger(FrontrunnerRequests.class);

    private final FrontrunnerRequestRepository requests;
    private final MongoTemplate mongo;
    private final MemberService members;
    private final EventFactory events;
    private final Clock clock;

    FrontrunnerRequests(FrontrunnerRequestRepository requests, MongoTemplate mongo, MemberService members,
            EventFactory events, Clock clock) {
        this.requests = requests;
        this.mongo = mongo;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a request for the caller's current city and announces it.
     *
     * @throws ApiProblem 409 when the member has no city, already is a frontrunner of it or has a pending request
     */
    FrontrunnerRequest request(String memberId, String motivation) {
        Member member = members.get(memberId);
        if (member.city() == null) {
            throw ApiProblem.conflict("no-city", "Choose your city in your profile before asking");
        }
        if (member.holds(Role.FRONTRUNNER, member.city())) {
            throw ApiProblem.conflict("already-frontrunner", "You are a frontrunner of " + member.city() + " already");
        }
        String text = motivation == null || motivation.isBlank() ? null : motivation.strip();
        FrontrunnerRequest request = FrontrunnerRequest.open(UUID.randomUUID().toString(), memberId,
                member.displayName(), member.city(), text, now(), events);
        try {
            request = requests.insert(request);
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("request-pending", "You have a pending frontrunner request already");
        }
        log.info("Member {} asked to become a frontrunner of {} (request {})", memberId, request.city(), request.id());
        return request;
    }

    /**
     * Answers a pending request. The decision is recorded first, then a grant makes the member a frontrunner
     * (idempotent, announced with {@code MemberRoleGranted}), then the request closes with
     * {@code FrontrunnerRequestAnswered}: after a crash at any point, answering again the same way completes it.
     * A save that loses a race (another answerer, the relay removing sent events) reads the request again.
     *
     * @throws ApiProblem 404 unknown request or member, 403 not the city's transition team nor an admin, 409
     *                    answered already or granting to a member who moved to another city
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public FrontrunnerRequest answer(String id, FrontrunnerRequest.Answer answer, Caller caller) {
        FrontrunnerRequest request = requests.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("Frontrunner request " + id));
        if (!mayAnswer(caller, request.city())) {
            throw ApiProblem.forbidden("Only the transition team of " + request.city() + " or an admin may answer");
        }
        Member member = members.get(request.memberId());
        if (request.decide(answer, caller.memberId(), request.city().equals(member.city()), now())) {
            request = requests.save(request);
        }
        if (answer == FrontrunnerRequest.Answer.GRANTED) {
            members.grantRole(request.memberId(), new RoleGrantRequest(Role.FRONTRUNNER, request.city()), caller);
        }
        request.close(events);
        request = requests.save(request);
        log.info("Frontrunner request {} of member {} {} by {}", id, request.memberId(), request.status(),
                caller.memberId());
        return request;
    }

    /** Requests of one city or, for admins, of every city; oldest first, the order they wait in. */
    PageResponse<FrontrunnerRequestView> list(String city, FrontrunnerRequest.Status status, Pageable page) {
        Query query = new Query();
        if (city != null) {
            query.addCriteria(Criteria.where(FrontrunnerRequest.CITY).is(city));
        }
        if (status != null) {
            query.addCriteria(Criteria.where(FrontrunnerRequest.STATUS).is(status));
        }
        long total = mongo.count(query, FrontrunnerRequest.class);
        List<FrontrunnerRequest> items = mongo.find(query.with(page), FrontrunnerRequest.class);
        return new PageResponse<>(items.stream().map(FrontrunnerRequestView::of).toList(), page.getPageNumber(),
                page.getPageSize(), total);
    }

    /** The member's own requests, newest first. */
    PageResponse<FrontrunnerRequestView> mine(String memberId, Pageable page) {
        Query query = Query.query(Criteria.where(FrontrunnerRequest.MEMBER_ID).is(memberId));
        long total = mongo.count(query, FrontrunnerRequest.class);
        List<FrontrunnerRequest> items = mongo.find(query.with(page), FrontrunnerRequest.class);
        return new PageResponse<>(items.stream().map(FrontrunnerRequestView::of).toList(), page.getPageNumber(),
                page.getPageSize(), total);
    }

    /** Everything held on the member's frontrunner requests, for their personal-data export. */
    public List<FrontrunnerRequestView> export(String memberId) {
        Query query = Query.query(Criteria.where(FrontrunnerRequest.MEMBER_ID).is(memberId))
                .with(Sort.by(FrontrunnerRequest.REQUESTED_AT));
        return mongo.find(query, FrontrunnerRequest.class).stream().map(FrontrunnerRequestView::of).toList();
    }

    /** Drops an erased member's requests, unsent events included: nothing of theirs may leave any more. */
    void forget(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where(FrontrunnerRequest.MEMBER_ID).is(memberId)),
                FrontrunnerRequest.class).getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} frontrunner requests of erased member {}", removed, memberId);
        }
    }

    /** The same rule as granting the role: an admin, or the transition team of the request's city. */
    static boolean mayAnswer(Caller caller, String city) {
        return caller.isAdmin() || caller.holds(CityRole.TRANSITION_TEAM, city);
    }

    /** Millisecond precision: what MongoDB stores, so an answer matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
