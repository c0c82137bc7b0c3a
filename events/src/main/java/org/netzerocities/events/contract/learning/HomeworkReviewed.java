package org.netzerocities.events.contract.learning;

import java.time.Instant;

/** A facilitator accepted homework or returned it with feedback for the learner to resubmit. */
public record HomeworkReviewed(
        String submissionId,
        String enrollmentId,
        String memberId,
        String cohortId,
        String unitId,
        String unitTitle,
        String decision,
        String feedback,
        String reviewerId,
        Instant reviewedAt) {
}
