package org.netzerocities.events.contract.learning;

import java.util.List;

/** A facilitator answered a learner's question (the text stays in learning-service). */
public record LearnerQuestionAnswered(
        String questionId,
        String cohortId,
        String cohortName,
        String enrollmentId,
        String memberId,
        List<String> facilitatorIds,
        String answeredBy) {
}
