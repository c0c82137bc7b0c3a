package org.netzerocities.learning.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.netzerocities.learning.cohort.Cohorts;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
import org.netzerocities.learning.program.Programme;
import org.netzerocities.learning.program.Programme.UnitOutline;
import org.netzerocities.learning.progress.ProgressViews.EnrollmentProgress;
import org.netzerocities.learning.progress.ProgressViews.SubmissionView;
import org.netzerocities.learning.progress.ProgressViews.UnitView;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Learners mark masterclasses watched and hand in homework; the cohort's facilitators review it. Each change reads
 * the enrolment's {@link Progress}, applies the completion rules and saves it under its version: losing a race (a
 * second instance, a second facilitator, the outbox relay removing sent events) reads it again, so what a change
 * completes is completed and announced once.
 */
@Service
class ProgressService {

    private static final Logger log = LoggerFactory.getLogger(ProgressService.class);

    private final MongoTemplate mongo;
    private final Cohorts cohorts;
    private final EnrollmentAccess access;
    private final Programme programme;
    private final LearnerNames names;
    private final EventFactory events;
    private final Clock clock;

    ProgressService(MongoTemplate mongo, Cohorts cohorts, EnrollmentAccess access, Programme programme, LearnerNames names,
            EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.cohorts = cohorts;
        this.access = access;
        this.programme = programme;
        this.names = names;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks the unit's masterclass watched; again changes nothing.
     *
     * @throws ApiProblem 404 unknown unit or not the caller's enrolment, 409 the enrolment holds no place
     */
    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 10,
            delay = 20, jitter = 20)
    UnitView markWatched(String enrollmentId, String unitId, Caller caller) {
        EnrollmentView enrollment = access.ownPlace(enrollmentId, caller);
        UnitOutline unit = unit(unitId);
        Progress progress = progressOf(enrollment);
        if (progress.markWatched(unit, course(enrollment), now(), events)) {
            progress = mongo.save(progress);
            log.info("Enrolment {} watched unit {}", enrollmentId, unitId);
        }
        return UnitView.of(unit, progress);
    }

    /**
     * Hands in the unit's homework for review. The {@code submissionId} is chosen by the caller so that a retry
     * after a lost race keeps it.
     *
     * @throws ApiProblem 400 neither text nor link or a link that is not https, 404 unknown unit or not the caller's
     *                    enrolment, 409 no place, homework awaiting review or accepted already
     */
    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 10,
            delay = 20, jitter = 20)
    SubmissionView submit(String enrollmentId, String unitId, String submissionId, String text, String link,
            Caller caller) {
        String answer = ProgressRequests.stripped(text);
        String checkedLink = HttpsLink.check("link", link);
        if (answer == null && checkedLink == null) {
            throw ApiProblem.invalid("text", "give a text, a link or both");
        }
        EnrollmentView enrollment = access.ownPlace(enrollmentId, caller);
        UnitOutline unit = unit(unitId);
        Progress progress = progressOf(enrollment);
        Submission submission = progress.submit(submissionId, unit, answer, checkedLink, course(enrollment), now(),
                events);
        mongo.save(new HomeworkRef(submissionId, enrollmentId, enrollment.memberId()));
        progress = mongo.save(progress);
        log.info("Enrolment {} submitted homework {} for unit {} (attempt {})", enrollmentId, submissionId, unitId,
                submission.attempt());
        return SubmissionView.of(progress, progress.unit(unitId).orElseThrow(), submission);
    }

    /**
     * A facilitator's review of a submission. Facilitators only: the cohort's rights belong to them, and reviewing
     * is their teaching role (admins oversee through the dashboard, they do not grade). No one reviews their own
     * homework.
     *
     * @throws ApiProblem 400 returned without feedback, 404 unknown submission, 403 not a facilitator of the cohort
     *                    or the learner themselves, 409 reviewed already or the learner withdrew
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 20)
    SubmissionView review(String submissionId, Decision decision, String feedback, Caller caller) {
        String comment = ProgressRequests.stripped(feedback);
        if (decision == Decision.RETURNED && comment == null) {
            throw ApiProblem.invalid("feedback", "is required when the homework is returned");
        }
        HomeworkRef ref = mongo.findById(submissionId, HomeworkRef.class);
        EnrollmentView enrollment = ref == null ? null : cohorts.enrollment(ref.enrollmentId()).orElse(null);
        Progress progress = enrollment == null ? null : mongo.findById(enrollment.enrollmentId(), Progress.class);
        if (progress == null) {
            throw ApiProblem.notFound("Homework submission " + submissionId);
        }
        CohortView cohort = access.facilitated(enrollment.cohortId(), caller);
        if (caller.memberId().equals(enrollment.memberId())) {
            throw ApiProblem.forbidden("Your own homework is reviewed by another facilitator");
        }
        if (!enrollment.holdsPlace()) {
            throw ApiProblem.conflict("no-place", "The learner's enrolment is " + enrollment.status());
        }
        Submission reviewed = progress.review(submissionId, decision, comment, caller.memberId(),
                new Progress.Course(cohort, programme.modules()), now(), events);
        progress = mongo.save(progress);
        log.info("Homework {} of enrolment {} {} by member {}", submissionId, enrollment.enrollmentId(), decision,
                caller.memberId());
        UnitProgress unit = progress.units().stream()
                .filter(candidate -> candidate.submissions().contains(reviewed)).findFirst().orElseThrow();
        return SubmissionView.of(progress, unit, reviewed);
    }

    /**
     * The cohort's homework in {@code status}, oldest submission first (the one waiting longest): for its
     * facilitators and admins. One query over the cohort's progress and one for the learners' names.
     *
     * @throws ApiProblem 404 unknown cohort, 403 neither its facilitator nor an admin
     */
    PageResponse<SubmissionView> homeworkOf(String cohortId, HomeworkStatus status, Pageable page, Caller caller) {
        access.overseen(cohortId, caller);
        List<Progress> all = inCohort(cohortId);
        List<SubmissionView> matching = all.stream().flatMap(SubmissionView::allOf)
                .filter(submission -> submission.status() == status)
                .sorted(Comparator.comparing(SubmissionView::submittedAt).thenComparing(SubmissionView::submissionId))
                .toList();
        PageResponse<SubmissionView> slice = PageResponse.of(matching, page);
        Map<String, String> named = names.displayNames(slice.items().stream().map(SubmissionView::memberId).toList());
        return new PageResponse<>(slice.items().stream().map(view -> view.named(named.get(view.memberId()))).toList(),
                slice.page(), slice.size(), slice.total());
    }

    /** The member's enrolments, newest first, each with its progress and certificate. */
    List<EnrollmentProgress> enrollmentsOf(String memberId) {
        List<EnrollmentView> enrollments = cohorts.enrollmentsOf(memberId);
        if (enrollments.isEmpty()) {
            return List.of();
        }
        var modules = programme.modules();
        return enrollments.stream().map(enrollment -> EnrollmentProgress.of(enrollment,
                cohorts.cohort(enrollment.cohortId()).map(CohortView::name).orElse(null), progressOf(enrollment),
                modules, mongo.findById(enrollment.enrollmentId(), HeldCertificate.class))).toList();
    }

    /** Every homework submission of the member, for their data export. */
    List<SubmissionView> homeworkOf(String memberId) {
        return mongo.find(Query.query(Criteria.where(Progress.MEMBER_ID).is(memberId)), Progress.class).stream()
                .flatMap(SubmissionView::allOf)
                .sorted(Comparator.comparing(SubmissionView::submittedAt))
                .toList();
    }

    /**
     * Drops an erased member's progress (unsent events included: nothing of theirs may leave any more), the
     * references to their homework and the certificates shown with it.
     */
    void forget(String memberId) {
        Query ofMember = Query.query(Criteria.where(Progress.MEMBER_ID).is(memberId));
        long removed = mongo.remove(ofMember, Progress.class).getDeletedCount();
        mongo.remove(ofMember, HomeworkRef.class);
        mongo.remove(ofMember, HeldCertificate.class);
        if (removed > 0) {
            log.info("Removed the progress of {} enrolments of erased member {}", removed, memberId);
        }
    }

    /** The cohort's progress documents: one query, the basis of the queue and the dashboard. */
    List<Progress> inCohort(String cohortId) {
        return mongo.find(Query.query(Criteria.where(Progress.COHORT_ID).is(cohortId)), Progress.class);
    }

    private UnitOutline unit(String unitId) {
        return programme.unit(unitId).orElseThrow(() -> ApiProblem.notFound("Unit " + unitId));
    }

    private Progress.Course course(EnrollmentView enrollment) {
        return new Progress.Course(access.cohort(enrollment.cohortId()), programme.modules());
    }

    private Progress progressOf(EnrollmentView enrollment) {
        Progress progress = mongo.findById(enrollment.enrollmentId(), Progress.class);
        return progress != null ? progress
                : Progress.start(enrollment.enrollmentId(), enrollment.memberId(), enrollment.cohortId());
    }

    /** Millisecond precision: what MongoDB stores, so what a change returns matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
