package org.netzerocities.campaign.campaign;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The steering committee's review of a post. */
final class PostReview {

    private PostReview() {
    }

    /** Approval, with the time to publish (in the future, within a year) and an optional comment. */
    record Approval(
            @Size(max = 2000) @Pattern(regexp = Text.LINES, message = Text.LINES_MESSAGE) String comment,
            @NotNull Instant scheduledAt) {
    }

    /** Rejection, always with the comment that tells the leadership team what to change. */
    record Rejection(
            @NotBlank @Size(max = 2000) @Pattern(regexp = Text.LINES, message = Text.LINES_MESSAGE) String comment) {
    }
}
