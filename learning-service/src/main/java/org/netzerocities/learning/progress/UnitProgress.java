package org.netzerocities.learning.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner's progress in one unit. Once complete it stays complete, at the version it was completed at, whatever
 * later edits of the unit change.
 *
 * @param submissions      the homework submissions, oldest first
 * @param completedVersion the unit's version when it was completed
 */
record UnitProgress(String unitId, String moduleId, Instant watchedAt, List<Submission> submissions,
        Instant completedAt, Integer completedVersion) {

    UnitProgress {
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
    }

    static UnitProgress start(String unitId, String moduleId) {
        return new UnitProgress(unitId, moduleId, null, List.of(), null, null);
    }

    boolean watched() {
        return watchedAt != null;
    }

    boolean completed() {
        return completedAt != null;
    }

    /** Complete once the masterclass is watched and the homework accepted, in whichever order. */
    boolean completable() {
        return !completed() && watched() && homeworkStatus() == HomeworkStatus.ACCEPTED;
    }

    HomeworkStatus homeworkStatus() {
        return submissions.isEmpty() ? HomeworkStatus.NONE : latest().status();
    }

    Submission latest() {
        return submissions.get(submissions.size() - 1);
    }

    UnitProgress watched(Instant now) {
        return new UnitProgress(unitId, moduleId, now, submissions, completedAt, completedVersion);
    }

    /** The submission added, or put in place of the one with its id (a review). */
    UnitProgress withSubmission(Submission submission) {
        List<Submission> all = new ArrayList<>(submissions.stream()
                .map(existing -> existing.submissionId().equals(submission.submissionId()) ? submission : existing)
                .toList());
        if (!all.contains(submission)) {
            all.add(submission);
        }
        return new UnitProgress(unitId, moduleId, watchedAt, all, completedAt, completedVersion);
    }

    UnitProgress completed(Instant now, int version) {
        return new UnitProgress(unitId, moduleId, watchedAt, submissions, now, version);
    }
}
