package org.netzerocities.learning.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.learning.cohort.Cohorts.CohortStatus;
import org.netzerocities.learning.cohort.DiscussionSession.SessionPlan;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.learning.program.Programme;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.ApiProblem.FieldError;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
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
 * Facilitators plan cohorts, change them until they start, and publish them. Changes save the cohort under its
 * version and, losing a race (an enrolment, another facilitator), read it again.
 */
@Service
class CohortService {

    private static final Logger log = LoggerFactory.getLogger(CohortService.class);

    private final MongoTemplate mongo;
    private final LearnerRepository learners;
    private final Programme programme;
    private final EventFactory events;
    private final Clock clock;

    CohortService(MongoTemplate mongo, LearnerRepository learners, Programme programme, EventFactory events,
            Clock clock) {
        this.mongo = mongo;
        this.learners = learners;
        this.programme = programme;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a draft led by {@code leadFacilitatorId}, or by the caller when none is named.
     *
     * @throws ApiProblem 403 unless a facilitator or an admin; 400 for a plan that breaks the rules or names
     *                    facilitators the programme does not know
     */
    Cohort create(NewCohort body, Caller caller) {
        if (!caller.isAdmin() && !caller.hasGlobal(GlobalRole.FACILITATOR)) {
            throw ApiProblem.forbidden("Only facilitators and admins create cohorts");
        }
        List<String> modules = moduleIds();
        List<SessionPlan> sessions;
        if (body.sessions() != null) {
            sessions = body.sessions().stream().map(SessionRequest::plan).toList();
        }
        else if (body.discussionLink() != null) {
            sessions = CohortPlan.defaultSessions(body.startsOn(), body.endsOn(), body.discussionLink(), modules);
        }
        else {
            throw ApiProblem.invalid("sessions", "four sessions, or a discussionLink for the default schedule");
        }
        CohortPlan plan = new CohortPlan(body.name(), body.language(), body.startsOn(), body.endsOn(),
                body.capacity(), body.leadFacilitatorId() != null ? body.leadFacilitatorId() : caller.memberId(),
                body.moduleFacilitatorIds() != null ? body.moduleFacilitatorIds() : Map.of(), sessions);
        checked(plan, modules);
        Cohort cohort = mongo.insert(Cohort.draft(UUID.randomUUID().toString(), plan.inOrderOf(modules), now()));
        log.info("Cohort {} drafted by member {}", cohort.id(), caller.memberId());
        return cohort;
    }

    /** @throws ApiProblem 404 unknown, or a draft the caller does not facilitate */
    Cohort get(String id, Caller caller) {
        Cohort cohort = mongo.findById(id, Cohort.class);
        if (cohort == null || !cohort.isVisibleTo(caller)) {
            throw ApiProblem.notFound("Cohort " + id);
        }
        return cohort;
    }

    /**
     * Published cohorts, soonest first, with the drafts the caller facilitates (every draft for admins). Read
     * without their enrolments.
     */
    PageResponse<CohortOverview> list(Caller caller, CohortStatus status, Pageable page) {
        Criteria visible = caller.isAdmin() ? new Criteria()
                : new Criteria().orOperator(Criteria.where(Cohort.STATUS).is(CohortStatus.PUBLISHED),
                        Criteria.where(Cohort.FACILITATOR_IDS).is(caller.memberId()));
        Query query = Query.query(status == null ? visible
                : new Criteria().andOperator(visible, Criteria.where(Cohort.STATUS).is(status)));
        long total = mongo.count(query, Cohort.class);
        query.with(page).with(Sort.by(Cohort.STARTS_ON).and(Sort.by("_id")));
        query.fields().exclude(Cohort.ENROLLMENTS, OutboxAggregate.OUTBOX_FIELD);
        List<CohortOverview> items = mongo.find(query, Cohort.class).stream().map(CohortOverview::of).toList();
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
    }

    /**
     * Applies the facilitators' changes before the cohort starts.
     *
     * @throws ApiProblem 404 unknown, 403 neither a facilitator of the cohort nor an admin, 400 a plan that breaks
     *                    the rules, 409 started or a capacity below the places taken
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    Cohort update(String id, CohortPatch patch, Caller caller) {
        Cohort cohort = managed(id, caller);
        LocalDate today = today();
        cohort.requireNotStarted(today);
        CohortPlan current = cohort.plan();
        CohortPlan plan = new CohortPlan(or(patch.name(), current.name()), or(patch.language(), current.language()),
                or(patch.startsOn(), current.startsOn()), or(patch.endsOn(), current.endsOn()),
                or(patch.capacity(), current.capacity()),
                or(patch.leadFacilitatorId(), current.leadFacilitatorId()),
                or(patch.moduleFacilitatorIds(), current.moduleFacilitatorIds()),
                patch.sessions() != null ? patch.sessions().stream().map(SessionRequest::plan).toList()
                        : current.sessions());
        List<String> modules = moduleIds();
        checked(plan, modules);
        if (cohort.update(plan.inOrderOf(modules), today, now(), events)) {
            cohort = mongo.save(cohort);
            log.info("Cohort {} changed by member {}", id, caller.memberId());
        }
        return cohort;
    }

    /**
     * Opens the cohort for enrolment and announces it with its sessions.
     *
     * @throws ApiProblem 404 unknown, 403 neither a facilitator of the cohort nor an admin, 409 published already
     *                    or started
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    Cohort publish(String id, Caller caller) {
        Cohort cohort = managed(id, caller);
        cohort.publish(today(), now(), events);
        cohort = mongo.save(cohort);
        log.info("Cohort {} published by member {}", id, caller.memberId());
        return cohort;
    }

    /** The cohort, when the caller may change it: one of its facilitators or an admin. */
    private Cohort managed(String id, Caller caller) {
        Cohort cohort = get(id, caller);
        if (!cohort.mayManage(caller)) {
            throw ApiProblem.forbidden("Only the facilitators of cohort " + id + " and admins may do this");
        }
        return cohort;
    }

    /** The plan's rules, and facilitators the programme knows (from their MemberJoined). */
    private void checked(CohortPlan plan, List<String> modules) {
        plan.check(today(), modules);
        List<FieldError> errors = new ArrayList<>();
        if (!learners.existsById(plan.leadFacilitatorId())) {
            errors.add(new FieldError("leadFacilitatorId", "is not a member known to the programme"));
        }
        plan.moduleFacilitatorIds().forEach((module, member) -> {
            if (!learners.existsById(member)) {
                errors.add(new FieldError("moduleFacilitatorIds." + module, "is not a member known to the programme"));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    /** The programme's module ids in order: what module facilitators and sessions are named by. */
    private List<String> moduleIds() {
        return programme.modules().stream().map(Programme.ModuleOutline::moduleId).toList();
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }

    private LocalDate today() {
        return CohortTime.today(clock);
    }

    private Instant now() {
        return CohortTime.now(clock);
    }
}
