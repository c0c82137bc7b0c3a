package org.netzerocities.campaign.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.netzerocities.campaign.audience.Citizen;
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

/**
 * Frontrunners' engagement plans: written, revised and progressed by their frontrunner only, shared with the
 * transition team of the frontrunner's city. A change that loses a race with another write of the same plan (another
 * tab, the outbox relay removing sent events) reads the plan again and reapplies, so nothing is lost or doubled.
 */
@Service
class EngagementPlans {

    private static final Logger log = LoggerFactory.getLogger(EngagementPlans.class);
    /** Attempts to take a free plan slot when other requests of the same member take them meanwhile. */
    private static final int SLOT_ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final Clock clock;

    EngagementPlans(MongoTemplate mongo, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes a new plan of the caller, a frontrunner of their city.
     *
     * @throws ApiProblem 403 not a frontrunner of their city, 409 no city known or {@value PlanText#MAX_PLANS}
     *                    plans already, 400 content the plan cannot hold
     */
    EngagementPlan create(Caller caller, PlanRequest request) {
        String city = frontrunnerCity(caller);
        Query own = Query.query(Criteria.where(EngagementPlan.MEMBER_ID).is(caller.memberId()));
        for (int attempt = 0; attempt < SLOT_ATTEMPTS; attempt++) {
            int slot = (int) mongo.count(own, EngagementPlan.class);
            if (slot >= PlanText.MAX_PLANS) {
                throw ApiProblem.conflict("too-many-plans",
                        "A member keeps at most " + PlanText.MAX_PLANS + " engagement plans");
            }
            EngagementPlan plan = EngagementPlan.write(UUID.randomUUID().toString(), caller.memberId(), city, slot,
                    request, today(), now());
            try {
                plan = mongo.insert(plan);
                log.info("Engagement plan {} written by member {} of {}", plan.id(), caller.memberId(), city);
                return plan;
            }
            catch (DuplicateKeyException ex) {
                log.debug("Plan slot {} of member {} taken meanwhile", slot, caller.memberId());
            }
        }
        throw ApiProblem.conflict("concurrent-update", "Other plans were being written at the same time; retry");
    }

    /** The caller's own plan; another member's is as unknown as one that does not exist. */
    EngagementPlan own(String id, Caller caller) {
        EngagementPlan plan = mongo.findById(id, EngagementPlan.class);
        if (plan == null || !plan.ownedBy(caller.memberId())) {
            throw ApiProblem.notFound("Engagement plan " + id);
        }
        return plan;
    }

    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    EngagementPlan revise(String id, PlanRequest request, Caller caller) {
        EngagementPlan plan = own(id, caller);
        plan.revise(request, today(), now());
        plan = mongo.save(plan);
        log.info("Engagement plan {} revised by member {} (revision {})", id, caller.memberId(), plan.revision());
        return plan;
    }

    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    EngagementPlan progress(String id, String actionId, ActionUpdate update, Caller caller) {
        EngagementPlan plan = own(id, caller);
        plan.progress(actionId, update, now());
        plan = mongo.save(plan);
        log.info("Action {} of engagement plan {} progressed by member {}", actionId, id, caller.memberId());
        return plan;
    }

    /**
     * Shares the plan with the transition team of the caller's city, if they still are a frontrunner there.
     *
     * @throws ApiProblem 404 not the caller's plan, 403 no longer a frontrunner of their city
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    EngagementPlan share(String id, Caller caller) {
        EngagementPlan plan = own(id, caller);
        String city = frontrunnerCity(caller);
        if (plan.share(city, events, now())) {
            plan = mongo.save(plan);
            log.info("Engagement plan {} of member {} shared with the transition team of {}", id, caller.memberId(),
                    city);
        }
        return plan;
    }

    /** The caller's plans, newest first. */
    PageResponse<EngagementPlanView> mine(Caller caller, Pageable page) {
        return page(Query.query(Criteria.where(EngagementPlan.MEMBER_ID).is(caller.memberId())), page);
    }

    /** The plans shared with a city's transition team, most recently shared first. */
    PageResponse<EngagementPlanView> sharedWith(String city, Pageable page) {
        return page(Query.query(Criteria.where(EngagementPlan.SHARED_WITH).is(city)), page);
    }

    EngagementPlanView view(EngagementPlan plan) {
        return EngagementPlanView.of(plan, names(List.of(plan.memberId())).get(plan.memberId()));
    }

    /** Everything held on the member's plans, oldest first, for their data export. */
    List<EngagementPlanView> export(String memberId) {
        Query query = Query.query(Criteria.where(EngagementPlan.MEMBER_ID).is(memberId))
                .with(Sort.by(EngagementPlan.CREATED_AT).and(Sort.by("_id")));
        return mongo.find(query, EngagementPlan.class).stream().map(this::view).toList();
    }

    /** Drops an erased member's plans, unsent events included: nothing of theirs may leave any more. */
    void forget(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where(EngagementPlan.MEMBER_ID).is(memberId)),
                EngagementPlan.class).getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} engagement plans of erased member {}", removed, memberId);
        }
    }

    private PageResponse<EngagementPlanView> page(Query query, Pageable page) {
        long total = mongo.count(query, EngagementPlan.class);
        List<EngagementPlan> plans = mongo.find(query.with(page), EngagementPlan.class);
        Map<String, String> names = names(plans.stream().map(EngagementPlan::memberId).toList());
        return new PageResponse<>(plans.stream().map(plan -> EngagementPlanView.of(plan, names.get(plan.memberId())))
                .toList(), page.getPageNumber(), page.getPageSize(), total);
    }

    /** Display names of the members campaigns know among {@code memberIds}: one query for a page. */
    private Map<String, String> names(Collection<String> memberIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(memberIds.stream().distinct().toList())), Citizen.class)
                .stream().filter(citizen -> citizen.displayName() != null)
                .collect(Collectors.toMap(Citizen::memberId, Citizen::displayName));
    }

    /**
     * The caller's city, as campaigns know it from their profile, if they are a frontrunner there.
     *
     * @throws ApiProblem 409 when campaigns know no city of the caller, 403 when not a frontrunner of it
     */
    private String frontrunnerCity(Caller caller) {
        Citizen citizen = mongo.findById(caller.memberId(), Citizen.class);
        if (citizen == null || citizen.city() == null) {
            throw ApiProblem.conflict("no-city", "Campaigns know no city of yours yet; choose it in your profile");
        }
        if (!caller.holds(CityRole.FRONTRUNNER, citizen.city())) {
            throw ApiProblem.forbidden("Only a frontrunner of " + citizen.city() + " writes and shares engagement "
                    + "plans there");
        }
        return citizen.city();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Millisecond precision: what MongoDB stores, so a response matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
