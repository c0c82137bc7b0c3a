package org.netzerocities.events.contract.learning;

import java.time.LocalDate;
import java.util.List;

/** A cohort of the programme is open for enrolment, with its facilitators. */
public record CohortStarted(
        String cohortId,
        String name,
        String language,
        List<String> facilitatorIds,
        LocalDate startsOn,
        LocalDate endsOn,
        int capacity) {
}
