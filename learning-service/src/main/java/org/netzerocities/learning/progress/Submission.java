package org.netzerocities.learning.progress;

import java.time.Instant;

/**
 * One submission of a unit's homework and, once reviewed, its review. A unit keeps its submissions in order: a
 * returned one stays, with its feedback, when the learner resubmits.
 *
 * @param attempt    counts from 1 per unit
 * @param text       the learner's answer, or null when only a link was given
 * @param link       an https link to the learner's work, or null
 * @param unitTitle  the unit's title when submitted, for the review events and the facilitators' queue
 * @param feedback   the facilitator's feedback, required when returned
 */
record Submission(String submissionId, int attempt, String unitTitle, String text, String link,
        HomeworkStatus status, Instant submittedAt, String reviewerId, Instant reviewedAt, String feedback) {

    static Submission submitted(String submissionId, int attempt, String unitTitle, String text, String link,
            Instant now) {
        return new Submission(submissionId, attempt, unitTitle, text, link, HomeworkStatus.SUBMITTED, now, null, null,
                null);
    }

    Submission reviewed(Decision decision, String feedback, String reviewerId, Instant now) {
        return new Submission(submissionId, attempt, unitTitle, text, link, decision.status(), submittedAt, reviewerId,
                now, feedback);
    }

    boolean awaitsReview() {
        return status == HomeworkStatus.SUBMITTED;
    }
}
