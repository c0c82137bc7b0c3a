package org.netzerocities.events.contract.learning;

import java.time.Instant;

/** A learner completed a unit: masterclass watched and homework accepted. */
public record UnitCompleted(
        String enrollmentId,
        String memberId,
        String cohortId,
        String moduleId,
        String unitId,
        int unitVersion,
        Instant completedAt) {
}
