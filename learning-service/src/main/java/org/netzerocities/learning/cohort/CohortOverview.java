package org.netzerocities.learning.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.netzerocities.learning.cohort.Cohorts.CohortStatus;
import org.netzerocities.learning.cohort.Cohorts.CohortView;

/**
 * A cohort as the API shows it: its plan, facilitators, sessions, and how many places are left and how many wait.
 *
 * @param facilitatorIds the lead first, then the module facilitators, each once
 */
public record CohortOverview(String cohortId, String name, String language, CohortStatus status,
        String leadFacilitatorId, Map<String, String> moduleFacilitatorIds, List<String> facilitatorIds,
        LocalDate startsOn, LocalDate endsOn, int capacity, int placesTaken, int placesLeft, int waitlistLength,
        List<DiscussionSession> sessions, Instant publishedAt) {

    static CohortOverview of(Cohort cohort) {
        CohortView view = cohort.view();
        return new CohortOverview(view.cohortId(), view.name(), view.language(), view.status(),
                view.leadFacilitatorId(), view.moduleFacilitatorIds(), view.facilitatorIds(), view.startsOn(),
                view.endsOn(), view.capacity(), cohort.placesTaken(), cohort.freePlaces(), cohort.waitlisted(),
                cohort.sessions(), cohort.publishedAt());
    }
}
