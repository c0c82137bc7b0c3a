package org.netzerocities.events.contract.learning;

import java.time.Instant;
import java.util.List;

/** A learner completed every unit of a module. */
public record ModuleCompleted(
        String enrollmentId,
        String memberId,
        String cohortId,
        String moduleId,
        String moduleTitle,
        List<String> facilitatorIds,
        Instant completedAt) {
}
