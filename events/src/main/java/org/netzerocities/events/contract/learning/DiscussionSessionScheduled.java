package org.netzerocities.events.contract.learning;

import java.time.Instant;
import java.util.List;

/** A cohort's group discussion session was scheduled or moved; the learners with a place and the facilitators are its audience. */
public record DiscussionSessionScheduled(
        String cohortId,
        String cohortName,
        String sessionId,
        String moduleId,
        Instant startsAt,
        int durationMinutes,
        String link,
        List<String> learnerIds,
        List<String> facilitatorIds,
        String change) {
}
