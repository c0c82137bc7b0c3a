package org.netzerocities.learning.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A cohort as a facilitator creates it. Either four {@code sessions}, or a {@code discussionLink} for the default
 * schedule (a session at the end of each module but the last).
 */
record NewCohort(
        @NotBlank @Size(max = CohortText.NAME) @Pattern(regexp = CohortText.LINE,
                message = CohortText.LINE_MESSAGE) String name,
        @NotBlank @Pattern(regexp = CohortText.LANGUAGE, message = CohortText.LANGUAGE_MESSAGE) String language,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotNull @Min(1) @Max(CohortPlan.MAX_CAPACITY) Integer capacity,
        @Pattern(regexp = CohortText.MEMBER_ID, message = CohortText.MEMBER_ID_MESSAGE) String leadFacilitatorId,
        @Size(max = 10) Map<@NotNull @Pattern(regexp = CohortText.MODULE_ID,
                message = CohortText.MODULE_ID_MESSAGE) String, @NotNull @Pattern(regexp = CohortText.MEMBER_ID,
                        message = CohortText.MEMBER_ID_MESSAGE) String> moduleFacilitatorIds,
        @Size(max = CohortText.URL) @Pattern(regexp = CohortText.HTTPS_URL,
                message = CohortText.HTTPS_URL_MESSAGE) String discussionLink,
        @Size(min = CohortPlan.SESSIONS, max = CohortPlan.SESSIONS) List<@NotNull @Valid SessionRequest> sessions) {
}
