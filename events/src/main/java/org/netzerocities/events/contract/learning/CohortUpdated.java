package org.netzerocities.events.contract.learning;

import java.time.LocalDate;
import java.util.List;

/** A cohort changed (facilitators, dates, capacity); carries the cohort as it is now, learners included. */
public record CohortUpdated(
        String cohortId,
        String name,
        String language,
        List<String> facilitatorIds,
        LocalDate startsOn,
        LocalDate endsOn,
        int capacity,
        List<String> learnerIds) {
}
