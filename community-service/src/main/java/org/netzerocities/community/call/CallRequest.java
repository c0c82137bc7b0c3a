package org.netzerocities.community.call;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a transition team sends to launch a call. Patterns are single character classes: linear on any input. */
record CallRequest(
        @Schema(description = "City id; by default the caller's transition-team city when they have exactly one")
        @Size(max = 64) String city,
        @NotBlank @Size(max = 120) @Pattern(regexp = ONE_LINE, message = "must not contain control characters")
        String title,
        @Schema(description = "Plain text; line breaks allowed")
        @NotBlank @Size(max = 2000) @Pattern(regexp = PLAIN_TEXT,
                message = "must not contain control characters other than line breaks") String message,
        @Schema(description = "Climate topics, e.g. energy, mobility; stored in lower case")
        @Size(max = 10) List<@NotBlank @Size(max = 50) @Pattern(regexp = TOPIC,
                message = "must be letters, digits, spaces or hyphens") String> topics,
        @Schema(description = "ISO-8601 with offset, in the future and at most one year ahead")
        @NotNull OffsetDateTime closesAt) {

    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String PLAIN_TEXT = "[\\r\\n[^\\p{Cntrl}]]*";
    static final String TOPIC = "[\\p{L}\\p{N} -]*";
}
