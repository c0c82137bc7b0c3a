package org.netzerocities.events.contract.learning;

/** A learner withdrew their enrolment from a cohort. */
public record LearnerWithdrawn(
        String cohortId,
        String enrollmentId,
        String memberId) {
}
