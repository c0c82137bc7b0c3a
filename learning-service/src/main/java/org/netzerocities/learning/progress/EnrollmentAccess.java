package org.netzerocities.learning.progress;

import org.netzerocities.learning.cohort.Cohorts;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.stereotype.Component;

/**
 * Who may do what with an enrolment or a cohort here: the learner with their own enrolment, the cohort's
 * facilitators (kept with the cohort, not in the token), admins where they oversee. Someone else's enrolment reads
 * as unknown, so its id reveals nothing.
 */
@Component
class EnrollmentAccess {

    private final Cohorts cohorts;

    EnrollmentAccess(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    /** @throws ApiProblem 404 unknown enrolment or someone else's */
    EnrollmentView own(String enrollmentId, Caller caller) {
        return cohorts.enrollment(enrollmentId)
                .filter(candidate -> candidate.memberId().equals(caller.memberId()))
                .orElseThrow(() -> ApiProblem.notFound("Your enrolment " + enrollmentId));
    }

    /** @throws ApiProblem 404 unknown or someone else's enrolment, 409 waitlisted or withdrawn */
    EnrollmentView ownPlace(String enrollmentId, Caller caller) {
        EnrollmentView enrollment = own(enrollmentId, caller);
        if (!enrollment.holdsPlace()) {
            throw ApiProblem.conflict("no-place", "This enrolment holds no place in its cohort: it is "
                    + enrollment.status());
        }
        return enrollment;
    }

    /** @throws ApiProblem 404 unknown cohort, 403 neither its facilitator nor an admin */
    CohortView overseen(String cohortId, Caller caller) {
        CohortView cohort = cohort(cohortId);
        if (!caller.isAdmin() && !cohort.isFacilitator(caller.memberId())) {
            throw ApiProblem.forbidden("Only the cohort's facilitators and admins see this");
        }
        return cohort;
    }

    /** @throws ApiProblem 404 unknown cohort, 403 not one of its facilitators */
    CohortView facilitated(String cohortId, Caller caller) {
        CohortView cohort = cohort(cohortId);
        if (!cohort.isFacilitator(caller.memberId())) {
            throw ApiProblem.forbidden("Only the cohort's facilitators may do this");
        }
        return cohort;
    }

    /** @throws ApiProblem 404 unknown cohort */
    CohortView cohort(String cohortId) {
        return cohorts.cohort(cohortId).orElseThrow(() -> ApiProblem.notFound("Cohort " + cohortId));
    }
}
