package org.netzerocities.learning.cohort;

import java.time.Instant;

import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;

/**
 * A member's enrolment as its cohort keeps it, in the order members enrolled: the first {@code WAITLISTED} entry
 * is the first in the waitlist. Withdrawn entries stay, for the cohort's figures.
 *
 * @param enrolledAt when the member enrolled
 * @param placeSince when the member got a place (at once, or when promoted); null while waitlisted
 */
record Enrollment(String enrollmentId, String memberId, EnrollmentStatus status, Instant enrolledAt,
        Instant placeSince, Instant withdrawnAt) {

    static final String ENROLLMENT_ID = "enrollmentId";

    static Enrollment withPlace(String enrollmentId, String memberId, Instant now) {
        return new Enrollment(enrollmentId, memberId, EnrollmentStatus.ENROLLED, now, now, null);
    }

    static Enrollment waitlisted(String enrollmentId, String memberId, Instant now) {
        return new Enrollment(enrollmentId, memberId, EnrollmentStatus.WAITLISTED, now, null, null);
    }

    Enrollment promoted(Instant now) {
        return new Enrollment(enrollmentId, memberId, EnrollmentStatus.ENROLLED, enrolledAt, now, null);
    }

    Enrollment withdrawn(Instant now) {
        return new Enrollment(enrollmentId, memberId, EnrollmentStatus.WITHDRAWN, enrolledAt, placeSince, now);
    }

    boolean holdsPlace() {
        return status == EnrollmentStatus.ENROLLED;
    }

    boolean isActive() {
        return status != EnrollmentStatus.WITHDRAWN;
    }
}
