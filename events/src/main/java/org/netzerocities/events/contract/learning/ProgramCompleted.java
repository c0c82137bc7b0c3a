package org.netzerocities.events.contract.learning;

import java.time.Instant;

/** A learner completed all five modules of the programme; learning-service issues the certificate from it. */
public record ProgramCompleted(
        String enrollmentId,
        String memberId,
        String cohortId,
        String cohortName,
        Instant completedAt) {
}
