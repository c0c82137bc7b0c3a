package org.netzerocities.learning.progress;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a homework submission is kept: the submission lives in its enrolment's {@link Progress}, and a review
 * names only the submission, so this finds the enrolment by the submission's id alone. Written before the
 * submission is saved; one whose submission never got saved (a lost race) leads to a 404, like any unknown id.
 */
@Document(HomeworkRef.COLLECTION)
record HomeworkRef(@Id String submissionId, String enrollmentId, @Indexed String memberId) {

    static final String COLLECTION = "homework_refs";
}
