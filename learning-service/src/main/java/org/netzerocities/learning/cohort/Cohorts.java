package org.netzerocities.learning.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cohorts and enrolments as the other features of learning-service see them (progress, the dashboard): who
 * facilitates what, and who holds a place. Rights over a cohort belong to its facilitators, kept here.
 */
public interface Cohorts {

    Optional<CohortView> cohort(String cohortId);

    Optional<EnrollmentView> enrollment(String enrollmentId);

    /** Every enrolment of the member, withdrawn and waitlisted ones included, newest first. */
    List<EnrollmentView> enrollmentsOf(String memberId);

    /** Every enrolment in the cohort, withdrawn and waitlisted ones included. */
    List<EnrollmentView> enrollmentsIn(String cohortId);

    enum CohortStatus {
        /** Being prepared by its facilitators; not visible to members, no events yet. */
        DRAFT,
        /** Open for enrolment (CohortStarted was published). */
        PUBLISHED
    }

    enum EnrollmentStatus {
        /** Holds a place (enrolled at once or promoted from the waitlist). */
        ENROLLED,
        WAITLISTED,
        WITHDRAWN
    }

    /**
     * A cohort: its lead facilitator and, optionally, one facilitator per module ({@code moduleId -> memberId}).
     */
    record CohortView(String cohortId, String name, String language, String leadFacilitatorId,
            Map<String, String> moduleFacilitatorIds, LocalDate startsOn, LocalDate endsOn, int capacity,
            CohortStatus status) {

        /** The lead first, then the module facilitators, each once. */
        public List<String> facilitatorIds() {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(leadFacilitatorId);
            ids.addAll(moduleFacilitatorIds.values());
            return List.copyOf(ids);
        }

        /** Who facilitates a module: the lead and, when the module has one, its own facilitator. */
        public List<String> facilitatorsOf(String moduleId) {
            String own = moduleFacilitatorIds.get(moduleId);
            return own == null || own.equals(leadFacilitatorId) ? List.of(leadFacilitatorId)
                    : List.of(leadFacilitatorId, own);
        }

        public boolean isFacilitator(String memberId) {
            return facilitatorIds().contains(memberId);
        }
    }

    record EnrollmentView(String enrollmentId, String cohortId, String memberId, EnrollmentStatus status,
            Instant enrolledAt, Instant withdrawnAt) {

        public boolean holdsPlace() {
            return status == EnrollmentStatus.ENROLLED;
        }
    }
}
