package org.netzerocities.learning.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.learning.cohort.Cohorts;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
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
 * Learners ask their cohort's facilitators; the facilitators answer. A thread is read by its learner and the
 * cohort's facilitators only: it is a conversation between them, admins see only the counts on the dashboard.
 */
@Service
class Questions {

    private static final Logger log = LoggerFactory.getLogger(Questions.class);

    private final MongoTemplate mongo;
    private final Cohorts cohorts;
    private final EnrollmentAccess access;
    private final LearnerNames names;
    private final EventFactory events;
    private final Clock clock;

    Questions(MongoTemplate mongo, Cohorts cohorts, EnrollmentAccess access, LearnerNames names,
            EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.cohorts = cohorts;
        this.access = access;
        this.names = names;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The learner asks, from an enrolment that is not withdrawn (waitlisted learners may ask too).
     *
     * @throws ApiProblem 404 unknown or someone else's enrolment, 409 withdrawn or the thread full
     */
    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 10,
            delay = 20, jitter = 20)
    QuestionView ask(String enrollmentId, String text, Caller caller) {
        EnrollmentView enrollment = access.own(enrollmentId, caller);
        if (enrollment.status() == EnrollmentStatus.WITHDRAWN) {
            throw ApiProblem.conflict("withdrawn", "You withdrew from this cohort");
        }
        CohortView cohort = access.cohort(enrollment.cohortId());
        QuestionThread thread = threadOf(enrollment)
                .orElseGet(() -> QuestionThread.start(enrollment.cohortId(), enrollment.memberId()));
        QuestionThread.Question question = thread.ask(UUID.randomUUID().toString(), enrollmentId, text.strip(), cohort,
                now(), events);
        mongo.save(thread);
        log.info("Learner {} asked question {} in cohort {}", enrollment.memberId(), question.questionId(),
                cohort.cohortId());
        return QuestionView.of(thread, question);
    }

    /**
     * A facilitator of the cohort answers a question of the enrolment's thread.
     *
     * @throws ApiProblem 404 unknown enrolment or question, 403 not a facilitator of the cohort or the learner
     *                    themselves, 409 the question holds as many answers as it may
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 20)
    QuestionView answer(String enrollmentId, String questionId, String text, Caller caller) {
        EnrollmentView enrollment = cohorts.enrollment(enrollmentId)
                .orElseThrow(() -> ApiProblem.notFound("Enrolment " + enrollmentId));
        CohortView cohort = access.facilitated(enrollment.cohortId(), caller);
        if (caller.memberId().equals(enrollment.memberId())) {
            throw ApiProblem.forbidden("Your own question is answered by another facilitator");
        }
        QuestionThread thread = threadOf(enrollment)
                .orElseThrow(() -> ApiProblem.notFound("Question " + questionId));
        QuestionThread.Question answered = thread.answer(questionId, text.strip(), caller.memberId(), cohort, now(),
                events);
        mongo.save(thread);
        log.info("Question {} of learner {} answered by member {}", questionId, enrollment.memberId(),
                caller.memberId());
        return QuestionView.of(thread, answered);
    }

    /**
     * The thread of the enrolment's learner in its cohort, oldest question first: for the learner and the cohort's
     * facilitators.
     *
     * @throws ApiProblem 404 unknown enrolment or (for anyone else) someone else's
     */
    List<QuestionView> thread(String enrollmentId, Caller caller) {
        EnrollmentView enrollment = cohorts.enrollment(enrollmentId)
                .filter(candidate -> candidate.memberId().equals(caller.memberId())
                        || cohorts.cohort(candidate.cohortId()).map(cohort -> cohort.isFacilitator(caller.memberId()))
                                .orElse(false))
                .orElseThrow(() -> ApiProblem.notFound("Enrolment " + enrollmentId));
        return threadOf(enrollment).map(thread -> thread.questions().stream()
                .map(question -> QuestionView.of(thread, question)).toList()).orElse(List.of());
    }

    /**
     * The cohort's questions, oldest first, for its facilitators: unanswered ones only unless {@code answered} is
     * given.
     *
     * @throws ApiProblem 404 unknown cohort, 403 not one of its facilitators
     */
    PageResponse<QuestionView> ofCohort(String cohortId, boolean answered, Pageable page, Caller caller) {
        access.facilitated(cohortId, caller);
        List<QuestionView> matching = inCohort(cohortId).stream()
                .flatMap(thread -> thread.questions().stream().filter(question -> question.answered() == answered)
                        .map(question -> QuestionView.of(thread, question)))
                .sorted(Comparator.comparing(QuestionView::askedAt).thenComparing(QuestionView::questionId))
                .toList();
        PageResponse<QuestionView> slice = PageResponse.of(matching, page);
        Map<String, String> named = names.displayNames(slice.items().stream().map(QuestionView::memberId).toList());
        return new PageResponse<>(slice.items().stream().map(view -> view.named(named.get(view.memberId()))).toList(),
                slice.page(), slice.size(), slice.total());
    }

    /** The cohort's threads: one query, for the queue and the dashboard. */
    List<QuestionThread> inCohort(String cohortId) {
        return mongo.find(Query.query(Criteria.where(QuestionThread.COHORT_ID).is(cohortId)), QuestionThread.class);
    }

    /** Every question the member asked, with the answers, for their data export. */
    List<QuestionView> askedBy(String memberId) {
        return mongo.find(Query.query(Criteria.where(QuestionThread.MEMBER_ID).is(memberId)), QuestionThread.class)
                .stream().flatMap(thread -> thread.questions().stream()
                        .map(question -> QuestionView.of(thread, question)))
                .sorted(Comparator.comparing(QuestionView::askedAt))
                .toList();
    }

    /** Drops an erased learner's threads, unsent events included. */
    void forget(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where(QuestionThread.MEMBER_ID).is(memberId)),
                QuestionThread.class).getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} question threads of erased member {}", removed, memberId);
        }
    }

    private Optional<QuestionThread> threadOf(EnrollmentView enrollment) {
        return Optional.ofNullable(mongo.findById(QuestionThread.idOf(enrollment.cohortId(), enrollment.memberId()),
                QuestionThread.class));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
