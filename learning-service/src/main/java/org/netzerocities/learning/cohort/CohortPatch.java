package org.netzerocities.learning.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to a cohort: the fields sent replace the current ones. {@code moduleFacilitatorIds} replaces the whole
 * map ({} leaves every module to the lead); {@code sessions} are the four sessions in their current order, each
 * keeping its id.
 */
record CohortPatch(
        @Size(max = CohortText.NAME) @Pattern(regexp = CohortText.LINE, message = CohortText.LINE_MESSAGE)
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Pattern(regexp = CohortText.LANGUAGE, message = CohortText.LANGUAGE_MESSAGE) String language,
        LocalDate startsOn,
        LocalDate endsOn,
        @Min(1) @Max(CohortPlan.MAX_CAPACITY) Integer capacity,
        @Pattern(regexp = CohortText.MEMBER_ID, message = CohortText.MEMBER_ID_MESSAGE) String leadFacilitatorId,
        @Size(max = 10) Map<@NotNull @Pattern(regexp = CohortText.MODULE_ID,
                message = CohortText.MODULE_ID_MESSAGE) String, @NotNull @Pattern(regexp = CohortText.MEMBER_ID,
                        message = CohortText.MEMBER_ID_MESSAGE) String> moduleFacilitatorIds,
        @Size(min = CohortPlan.SESSIONS, max = CohortPlan.SESSIONS) List<@NotNull @Valid SessionRequest> sessions) {
}
