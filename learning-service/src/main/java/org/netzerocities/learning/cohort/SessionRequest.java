package org.netzerocities.learning.cohort;

import java.time.Instant;

import org.netzerocities.learning.cohort.DiscussionSession.SessionPlan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A discussion session as the facilitators schedule it; {@code moduleId} names the module it closes, if any. */
record SessionRequest(
        @Pattern(regexp = CohortText.MODULE_ID, message = CohortText.MODULE_ID_MESSAGE) String moduleId,
        @NotNull Instant startsAt,
        @NotNull @Min(15) @Max(480) Integer durationMinutes,
        @NotBlank @Size(max = CohortText.URL) @Pattern(regexp = CohortText.HTTPS_URL,
                message = CohortText.HTTPS_URL_MESSAGE) String link) {

    SessionPlan plan() {
        return new SessionPlan(moduleId, startsAt, durationMinutes, link);
    }
}
