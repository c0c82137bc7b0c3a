package org.netzerocities.learning.progress;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A learner's question with its answers, as the learner, the facilitators and the export see it. */
record QuestionView(String questionId, String cohortId, String enrollmentId, String memberId,
        @Schema(description = "The learner's name, in the facilitators' list") String displayName, String text,
        Instant askedAt, List<QuestionThread.Answer> answers) {

    static QuestionView of(QuestionThread thread, QuestionThread.Question question) {
        return new QuestionView(question.questionId(), thread.cohortId(), question.enrollmentId(), thread.memberId(), null, question.text(), question.askedAt(), question.answers());
    }

    QuestionView named(String name) {
        return new QuestionView(questionId, cohortId, enrollmentId, memberId, name, text, askedAt, answers);
    }
}
