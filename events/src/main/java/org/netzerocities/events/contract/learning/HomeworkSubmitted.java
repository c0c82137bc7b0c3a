package org.netzerocities.events.contract.learning;

import java.time.Instant;
import java.util.List;

/** A learner submitted (or resubmitted) homework for review by the cohort's facilitators. */
public record HomeworkSubmitted(
        String submissionId,
        String enrollmentId,
        String memberId,
        String cohortId,
        String moduleId,
        String unitId,
        String unitTitle,
        List<String> facilitatorIds,
        Instant submittedAt) {
}
