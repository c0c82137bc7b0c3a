package org.netzerocities.learning.cohort;

import java.time.Instant;

import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;

/**
 * An enrolment as the API and the member's data export show it.
 *
 * @param waitlistPosition 1 for the first waiting; null unless waitlisted
 */
public record EnrollmentOverview(String enrollmentId, String cohortId, String cohortName, String memberId,
        EnrollmentStatus status, Integer waitlistPosition, Instant enrolledAt, Instant withdrawnAt) {

    static EnrollmentOverview of(Cohort cohort, Enrollment enrollment) {
        return new EnrollmentOverview(enrollment.enrollmentId(), cohort.id(), cohort.name(), enrollment.memberId(),
                enrollment.status(), cohort.waitlistPosition(enrollment.enrollmentId()).orElse(null),
                enrollment.enrolledAt(), enrollment.withdrawnAt());
    }
}
