package org.netzerocities.learning.cohort;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which cohort an enrolment id belongs to, and the guard of one enrolment per member per cohort: its unique index
 * refuses a second one even when two instances take two requests of the member at the same moment. The
 * enrolment's status lives in its cohort ({@link Enrollment}), where places are counted.
 */
@Document(EnrollmentRecord.COLLECTION)
@CompoundIndex(name = "cohort_member", def = "{'cohortId': 1, 'memberId': 1}", unique = true)
@CompoundIndex(name = "member_enrolled", def = "{'memberId': 1, 'enrolledAt': -1}")
record EnrollmentRecord(@Id String enrollmentId, String cohortId, String memberId, Instant enrolledAt) {

    static final String COLLECTION = "cohort_enrollments";
    static final String COHORT_ID = "cohortId";
    static final String MEMBER_ID = "memberId";
    static final String ENROLLED_AT = "enrolledAt";
}
