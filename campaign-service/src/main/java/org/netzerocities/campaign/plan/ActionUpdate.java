package org.netzerocities.campaign.plan;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Progress on one action: a new status, a note, or both. */
record ActionUpdate(
        PlannedAction.Status status,
        @Size(max = PlanText.TEXT) @Pattern(regexp = PlanText.LINES, message = PlanText.LINES_MESSAGE)
        @Pattern(regexp = PlanText.NOT_BLANK, message = "must not be blank") String note) {
}
