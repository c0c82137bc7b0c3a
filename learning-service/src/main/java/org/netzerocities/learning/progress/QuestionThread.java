package org.netzerocities.learning.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.LearnerQuestionAnswered;
import org.netzerocities.events.contract.learning.LearnerQuestionAsked;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner's light-touch Q&A with the facilitators of a cohort: one thread per learner and cohort
 * ({@code _id} = cohort id and member id), so an enrolment made again in the same cohort finds its earlier
 * questions. The texts stay here; the events carry ids only. Bounded: a thread holds {@value #MAX_QUESTIONS}
 * questions, a question {@value #MAX_ANSWERS} answers.
 */
@Document(QuestionThread.COLLECTION)
class QuestionThread implements OutboxAggregate {

    static final String COLLECTION = "question_threads";
    static final String COHORT_ID = "cohortId";
    static final String MEMBER_ID = "memberId";
    static final int MAX_QUESTIONS = 200;
    static final int MAX_ANSWERS = 20;

    @Id
    private final String id;
    @Indexed
    private final String cohortId;
    @Indexed
    private final String memberId;
    private final List<Question> questions;
    private Instant lastAskedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    QuestionThread(String id, String cohortId, String memberId, List<Question> questions, Instant lastAskedAt,
            Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.cohortId = cohortId;
        this.memberId = memberId;
        this.questions = questions == null ? new ArrayList<>() : new ArrayList<>(questions);
        this.lastAskedAt = lastAskedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    static String idOf(String cohortId, String memberId) {
        return cohortId + ":" + memberId;
    }

    static QuestionThread start(String cohortId, String memberId) {
        return new QuestionThread(idOf(cohortId, memberId), cohortId, memberId, List.of(), null, null, List.of());
    }

    /**
     * The learner asks the cohort's facilitators, who are told.
     *
     * @throws ApiProblem 409 when the thread is full
     */
    Question ask(String questionId, String enrollmentId, String text, CohortView cohort, Instant now,
            EventFactory events) {
        if (questions.size() >= MAX_QUESTIONS) {
            throw ApiProblem.conflict("too-many-questions", "This thread holds " + MAX_QUESTIONS
                    + " questions already; meet your facilitators at the next discussion session");
        }
        Question question = new Question(questionId, enrollmentId, text, now, List.of());
        questions.add(question);
        lastAskedAt = now;
        outbox.add(events.create(EventCatalog.LEARNER_QUESTION_ASKED, cohortId, new LearnerQuestionAsked(questionId,
                cohortId, cohort.name(), enrollmentId, memberId, cohort.facilitatorIds())));
        return question;
    }

    /**
     * A facilitator answers a question of the thread; the learner is told.
     *
     * @throws ApiProblem 404 unknown question, 409 when the question has as many answers as it may hold
     */
    Question answer(String questionId, String text, String facilitatorId, CohortView cohort, Instant now,
            EventFactory events) {
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            if (question.questionId().equals(questionId)) {
                if (question.answers().size() >= MAX_ANSWERS) {
                    throw ApiProblem.conflict("too-many-answers", "This question has " + MAX_ANSWERS
                            + " answers already");
                }
                Question answered = question.answered(new Answer(text, facilitatorId, now));
                questions.set(i, answered);
                outbox.add(events.create(EventCatalog.LEARNER_QUESTION_ANSWERED, cohortId,
                        new LearnerQuestionAnswered(questionId, cohortId, cohort.name(), question.enrollmentId(),
                                memberId, cohort.facilitatorIds(), facilitatorId)));
                return answered;
            }
        }
        throw ApiProblem.notFound("Question " + questionId);
    }

    String id() {
        return id;
    }

    String cohortId() {
        return cohortId;
    }

    String memberId() {
        return memberId;
    }

    List<Question> questions() {
        return List.copyOf(questions);
    }

    Instant lastAskedAt() {
        return lastAskedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    /** @param enrollmentId the enrolment it was asked from */
    record Question(String questionId, String enrollmentId, String text, Instant askedAt, List<Answer> answers) {

        Question {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }

        boolean answered() {
            return !answers.isEmpty();
        }

        Question answered(Answer answer) {
            List<Answer> all = new ArrayList<>(answers);
            all.add(answer);
            return new Question(questionId, enrollmentId, text, askedAt, all);
        }
    }

    record Answer(String text, String answeredBy, Instant answeredAt) {
    }
}
