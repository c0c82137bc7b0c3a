package org.netzerocities.campaign.plan;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An engagement plan as its frontrunner writes it. Creating one sends no {@code revision}; replacing one sends the
 * revision it was read at, and the actions to keep carry their {@code id} (their status and notes stay), those
 * without one are new and those left out are removed.
 *
 * @param channels     the frontrunner's own channels and venues: social accounts, meetings, a newsletter
 * @param contentLinks https links to Cities Mission content they will share
 */
record PlanRequest(
        @NotNull @Size(max = PlanText.TITLE) @Pattern(regexp = PlanText.LINE, message = PlanText.LINE_MESSAGE)
        @Pattern(regexp = PlanText.NOT_BLANK, message = "must not be blank") String title,
        @Size(max = PlanText.TEXT) @Pattern(regexp = PlanText.LINES, message = PlanText.LINES_MESSAGE) String goals,
        @Size(max = PlanText.TEXT) @Pattern(regexp = PlanText.LINES, message = PlanText.LINES_MESSAGE) String audience,
        @Size(max = PlanText.MAX_ITEMS) List<@NotNull @Size(max = PlanText.ITEM) @Pattern(regexp = PlanText.LINE,
                message = PlanText.LINE_MESSAGE) @Pattern(regexp = PlanText.NOT_BLANK,
                        message = "must not be blank") String> channels,
        @Size(max = PlanText.MAX_ACTIONS) List<@NotNull @Valid ActionRequest> actions,
        @Size(max = PlanText.MAX_ITEMS) List<@NotNull @Size(max = PlanText.URL) @Pattern(
                regexp = PlanText.HTTPS_URL, message = PlanText.HTTPS_URL_MESSAGE) String> contentLinks,
        Long revision) {

    List<String> channelList() {
        return channels == null ? List.of() : channels;
    }

    List<ActionRequest> actionList() {
        return actions == null ? List.of() : actions;
    }

    List<String> linkList() {
        return contentLinks == null ? List.of() : contentLinks;
    }

    /** An action as written: {@code id} names one the plan has, to keep its progress. */
    record ActionRequest(
            @Size(max = 36) @Pattern(regexp = "[0-9a-f-]*", message = "must be the id of one of the plan's actions")
            String id,
            @NotNull @Size(max = PlanText.TITLE) @Pattern(regexp = PlanText.LINE, message = PlanText.LINE_MESSAGE)
            @Pattern(regexp = PlanText.NOT_BLANK, message = "must not be blank") String title,
            @NotNull LocalDate dueOn) {
    }
}
