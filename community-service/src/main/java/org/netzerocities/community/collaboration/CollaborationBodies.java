package org.netzerocities.community.collaboration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What clients send to the collaboration routes: plain text, shown as is (no HTML), length-limited, without control
 * characters other than line breaks. Patterns are single character classes: linear on any input.
 */
final class CollaborationBodies {

    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String PLAIN_TEXT = "[\\r\\n[^\\p{Cntrl}]]*";
    static final String NO_CONTROL = "must not contain control characters";
    static final String NO_CONTROL_BUT_LINE_BREAKS = "must not contain control characters other than line breaks";
    static final int MAX_TEXT = 2000;

    private CollaborationBodies() {
    }

    /** A member's offer to their own city's transition team (the city in their profile). */
    record NewCollaborationRequest(
            @Schema(description = "What it is about, e.g. 'Solar panels on school roofs'")
            @NotBlank @Size(max = 120) @Pattern(regexp = ONE_LINE, message = NO_CONTROL) String topic,
            @Schema(description = "The idea, plain text")
            @NotBlank @Size(max = MAX_TEXT) @Pattern(regexp = PLAIN_TEXT, message = NO_CONTROL_BUT_LINE_BREAKS)
            String idea,
            @Schema(description = "How the member wants to contribute")
            @NotNull CollaborationRequest.Contribution contribution,
            @Schema(description = "More on how they want to contribute, plain text")
            @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT, message = NO_CONTROL_BUT_LINE_BREAKS)
            String contributionDetails) {
    }

    record NewCollaborationMessage(
            @NotBlank @Size(max = MAX_TEXT) @Pattern(regexp = PLAIN_TEXT, message = NO_CONTROL_BUT_LINE_BREAKS)
            String text) {
    }

    record CollaborationAnswer(
            @Schema(description = "ACCEPTED or DECLINED answer the request for good; MORE_INFO asks the member "
                    + "to reply in the thread")
            @NotNull CollaborationRequest.Answer answer,
            @Schema(description = "Added to the thread as the team's message, plain text")
            @Size(max = MAX_TEXT) @Pattern(regexp = PLAIN_TEXT, message = NO_CONTROL_BUT_LINE_BREAKS)
            String message) {
    }
}
