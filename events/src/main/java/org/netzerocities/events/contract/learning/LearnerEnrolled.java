package org.netzerocities.events.contract.learning;

/** A member enrolled in a cohort (ENROLLED), was waitlisted (WAITLISTED) or moved up from the waitlist (PROMOTED). */
public record LearnerEnrolled(
        String cohortId,
        String cohortName,
        String enrollmentId,
        String memberId,
        String status) {
}
