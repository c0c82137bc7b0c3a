package org.netzerocities.community.pin;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a member pins. Patterns are single character classes: linear on any input. */
record NewPin(
        @Schema(description = "SOCIAL_POST (the member's own post on a social network) or RESOURCE")
        @NotNull Pin.Kind kind,
        @NotBlank @Size(max = 150) @Pattern(regexp = ONE_LINE, message = "must not contain control characters")
        String title,
        @Schema(description = "Plain text, shown as is (no HTML); line breaks allowed")
        @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT,
                message = "must not contain control characters other than line breaks") String description,
        @Schema(description = "Absolute http or https link to a real host, without credentials; at most 2000 "
                + "characters. Stored with its host in lower-case ASCII (IDN hosts as punycode)")
        @NotBlank @Size(max = PinUrl.MAX_LENGTH) String url,
        @Schema(description = "Up to 10 tags, stored in lower case with hyphens for spaces: '#Repair Café' is "
                + "repair-café")
        @Size(max = Tags.MAX_COUNT) List<@NotNull @Size(max = Tags.MAX_LENGTH + 1) String> tags,
        @Schema(description = "Cities Mission city id of the board; the member's own city by default")
        @Size(max = 64) String city) {

    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String PLAIN_TEXT = "[\\r\\n[^\\p{Cntrl}]]*";
}
