package org.netzerocities.campaign.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.support.ApiProblem;

/**
 * One action of a plan, dated, with its progress: the status it is in and the notes the frontrunner wrote along
 * the way, oldest first. Immutable: a change makes a new action.
 */
record PlannedAction(String id, String title, LocalDate dueOn, Status status, List<ProgressNote> notes,
        Instant updatedAt) {

    enum Status {
        PLANNED, IN_PROGRESS, DONE, DROPPED;

        boolean closed() {
            return this == DONE || this == DROPPED;
        }

        /**
         * Any open action may move anywhere; a closed one (done or dropped) only reopens, to {@code IN_PROGRESS}:
         * "planned" again would hide that it was once done or given up.
         */
        boolean mayBecome(Status next) {
            return next == this || !closed() || next == IN_PROGRESS;
        }
    }

    /** A progress note: what the frontrunner wrote, when, and the status the action had then. */
    record ProgressNote(Instant at, Status status, String text) {
    }

    PlannedAction {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    static PlannedAction planned(String id, String title, LocalDate dueOn, Instant now) {
        return new PlannedAction(id, title, dueOn, Status.PLANNED, List.of(), now);
    }

    /** The same action, retitled or redated; its status and notes stay. */
    PlannedAction revised(String newTitle, LocalDate newDueOn, Instant now) {
        if (newTitle.equals(title) && newDueOn.equals(dueOn)) {
            return this;
        }
        return new PlannedAction(id, newTitle, newDueOn, status, notes, now);
    }

    /**
     * The action with its new status and, if given, a note written in that status.
     *
     * @throws ApiProblem 409 when a closed action would go elsewhere than back in progress, or when the action
     *                    holds {@value PlanText#MAX_NOTES} notes already
     */
    PlannedAction progressed(Status next, String note, Instant now) {
        Status target = next == null ? status : next;
        if (!status.mayBecome(target)) {
            throw ApiProblem.conflict("action-closed",
                    "This action is " + status + "; it can only be reopened as IN_PROGRESS");
        }
        List<ProgressNote> after = new ArrayList<>(notes);
        if (note != null) {
            if (notes.size() >= PlanText.MAX_NOTES) {
                throw ApiProblem.conflict("too-many-notes",
                        "An action keeps at most " + PlanText.MAX_NOTES + " progress notes");
            }
            after.add(new ProgressNote(now, target, note));
        }
        return new PlannedAction(id, title, dueOn, target, after, now);
    }
}
