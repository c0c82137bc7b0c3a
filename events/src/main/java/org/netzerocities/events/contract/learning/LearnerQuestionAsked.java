package org.netzerocities.events.contract.learning;

import java.util.List;

/** A learner asked the cohort's facilitators a question (the text stays in learning-service). */
public record LearnerQuestionAsked(
        String questionId,
        String cohortId,
        String cohortName,
        String enrollmentId,
        String memberId,
        List<String> facilitatorIds) {
}
