package org.netzerocities.learning.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.learning.cohort.Cohorts.CohortStatus;
import org.netzerocities.learning.cohort.StoredCohorts.Placed;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Members enrol in published cohorts and withdraw. An enrolment is two writes, each safe to repeat: its record
 * (whose unique index allows one per member and cohort), then its place in the cohort, one update conditional on
 * the places it counted. Enrolling again after an interruption between the two completes the enrolment.
 */
@Service
class EnrollmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentService.class);
    /**
     * An enrolment is retried only when the places changed between its read and its write; far fewer rounds than
     * this settle even a rush on the last places.
     */
    private static final int ENROLMENT_ATTEMPTS = 100;

    private final MongoTemplate mongo;
    private final CohortService cohorts;
    private final StoredCohorts stored;
    private final LearnerRepository learners;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;

    EnrollmentService(MongoTemplate mongo, CohortService cohorts, StoredCohorts stored, LearnerRepository learners,
            EventFactory events, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.cohorts = cohorts;
        this.stored = stored;
        this.learners = learners;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Enrols the caller: a place while one is free, else the end of the waitlist. Enrolling again returns the
     * enrolment the member has.
     *
     * @return the enrolment, and whether it was made now
     * @throws ApiProblem 404 unknown cohort (or a draft the caller does not see); 409 when the programme does not
     *                    know the member yet, the cohort is a draft or over, its waitlist is full, or the member
     *                    withdrew from it
     */
    Enrolled enrol(String cohortId, Caller caller) {
        String memberId = caller.memberId();
        Cohort cohort = cohorts.get(cohortId, caller);
        if (!learners.existsById(memberId)) {
            throw ApiProblem.conflict("learner-unknown", "The programme has not learnt of your membership yet; "
                    + "it does within moments of joining, so try again shortly");
        }
        cohort.requireOpen(today());
        EnrollmentRecord record = recordOf(cohortId, memberId);
        for (int attempt = 0; attempt < ENROLMENT_ATTEMPTS; attempt++) {
            Optional<Enrollment> existing = cohort.enrollment(record.enrollmentId());
            if (existing.isPresent()) {
                if (!existing.get().isActive()) {
                    throw ApiProblem.conflict("withdrawn", "You withdrew from this cohort; enrol in a later one");
                }
                return new Enrolled(EnrollmentOverview.of(cohort, existing.get()), false);
            }
            Enrollment enrollment = cohort.enrol(record.enrollmentId(), memberId, today(), now(), events);
            Criteria places = enrollment.holdsPlace() ? Criteria.where(Cohort.FREE_PLACES).gt(0)
                    : Criteria.where(Cohort.FREE_PLACES).lte(0).and(Cohort.WAITLISTED).lt(Cohort.MAX_WAITLIST);
            Query unchanged = Query.query(Criteria.where("_id").is(cohortId)
                    .and(Cohort.STATUS).is(CohortStatus.PUBLISHED)
                    .and(Cohort.ENROLLMENTS + "." + Enrollment.ENROLLMENT_ID).ne(record.enrollmentId())
                    .andOperator(places));
            Update enrolling = new Update().push(Cohort.ENROLLMENTS, enrollment)
                    .inc(enrollment.holdsPlace() ? Cohort.FREE_PLACES : Cohort.WAITLISTED,
                            enrollment.holdsPlace() ? -1 : 1)
                    .push(OutboxAggregate.OUTBOX_FIELD, cohort.lastEvent())
                    .inc(Cohort.VERSION, 1);
            if (mongo.updateFirst(unchanged, enrolling, Cohort.class).getModifiedCount() == 1) {
                relay.wake(Cohort.COLLECTION, cohortId);
                log.info("Member {} enrolled in cohort {} (enrolment {}): {}", memberId, cohortId,
                        record.enrollmentId(), enrollment.status());
                Cohort enrolled = get(cohortId);
                return new Enrolled(EnrollmentOverview.of(enrolled,
                        enrolled.enrollment(record.enrollmentId()).orElse(enrollment)), true);
            }
            cohort = get(cohortId);
        }
        throw ApiProblem.conflict("busy", "Too many enrolments at once; try again");
    }

    /**
     * Withdraws the caller's enrolment; a place they leave goes to the first on the waitlist. Withdrawing again
     * changes nothing.
     *
     * @throws ApiProblem 404 unknown enrolment or another member's, 409 the cohort is over
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 20, delay = 10, jitter = 10)
    void withdraw(String enrollmentId, Caller caller) {
        EnrollmentRecord record = mongo.findById(enrollmentId, EnrollmentRecord.class);
        Optional<Placed> placed = record == null || !record.memberId().equals(caller.memberId()) ? Optional.empty()
                : stored.placed(record);
        Cohort cohort = placed.orElseThrow(() -> ApiProblem.notFound("Your enrolment " + enrollmentId)).cohort();
        if (cohort.withdraw(enrollmentId, today(), now(), events)) {
            mongo.save(cohort);
            log.info("Member {} withdrew enrolment {} from cohort {}", caller.memberId(), enrollmentId, cohort.id());
        }
    }

    /** Everything held on the member's enrolments, newest first, for their data export. */
    List<EnrollmentOverview> export(String memberId) {
        return stored.placedOf(memberId).stream().map(Placed::overview).toList();
    }

    /**
     * Forgets an erased member: their enrolments are withdrawn (their places promote the waitlist) and removed, and
     * cohorts not started yet no longer name them as facilitator ({@link Cohort#forget}); a draft only they
     * facilitated goes. Records go last, so that a redelivery after a failure half-way finds the cohorts again.
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    void forget(String memberId) {
        Query records = Query.query(Criteria.where(EnrollmentRecord.MEMBER_ID).is(memberId));
        Set<String> ids = new LinkedHashSet<>();
        mongo.find(records, EnrollmentRecord.class).forEach(record -> ids.add(record.cohortId()));
        List<Cohort> naming = mongo.find(Query.query(new Criteria().orOperator(Criteria.where("_id").in(ids),
                Criteria.where(Cohort.FACILITATOR_IDS).is(memberId))), Cohort.class);
        LocalDate today = today();
        Instant now = now();
        for (Cohort cohort : naming) {
            if (cohort.isDraftOnlyOf(memberId)) {
                mongo.remove(cohort);
                log.info("Draft cohort {} of erased member {} removed", cohort.id(), memberId);
            }
            else if (cohort.forget(memberId, today, now, events)) {
                mongo.save(cohort);
                log.info("Erased member {} removed from cohort {}", memberId, cohort.id());
            }
        }
        long removed = mongo.remove(records, EnrollmentRecord.class).getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} enrolment records of erased member {}", removed, memberId);
        }
    }

    /**
     * The member's enrolment record for the cohort: a new one, or the one a request before made (the unique index
     * refused a second).
     */
    private EnrollmentRecord recordOf(String cohortId, String memberId) {
        try {
            return mongo.insert(new EnrollmentRecord(UUID.randomUUID().toString(), cohortId, memberId, now()));
        }
        catch (DuplicateKeyException ex) {
            EnrollmentRecord existing = mongo.findOne(Query.query(Criteria.where(EnrollmentRecord.COHORT_ID)
                    .is(cohortId).and(EnrollmentRecord.MEMBER_ID).is(memberId)), EnrollmentRecord.class);
            if (existing == null) {
                throw ApiProblem.conflict("busy", "Your enrolment changed meanwhile; try again");
            }
            return existing;
        }
    }

    private Cohort get(String cohortId) {
        Cohort cohort = mongo.findById(cohortId, Cohort.class);
        if (cohort == null) {
            throw ApiProblem.notFound("Cohort " + cohortId);
        }
        return cohort;
    }

    private LocalDate today() {
        return CohortTime.today(clock);
    }

    private Instant now() {
        return CohortTime.now(clock);
    }

    record Enrolled(EnrollmentOverview enrollment, boolean created) {
    }
}
