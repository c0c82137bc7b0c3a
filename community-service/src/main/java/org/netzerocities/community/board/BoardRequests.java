package org.netzerocities.community.board;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the message boards. Raw input is bounded before it reaches the sanitiser; the limits
 * that count ({@value BoardText#MAX_TITLE} characters of title, {@value BoardText#MAX_BODY} of sanitised body)
 * are checked on the sanitised text. Patterns are single character classes: linear on any input.
 */
final class BoardRequests {

    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String TEXT = "[\\t\\r\\n[^\\p{Cntrl}]]*";
    static final String NO_CONTROLS = "must not contain control characters";
    static final String ONLY_LINE_BREAKS = "must not contain control characters other than tabs and line breaks";
    /** Markup the sanitiser removes may make a body longer than what is kept: room for it, within reason. */
    static final int MAX_RAW_BODY = 20_000;
    static final int MAX_REASON = 500;

    private BoardRequests() {
    }

    record NewThread(
            @Schema(description = "Plain text, at most " + BoardText.MAX_TITLE + " characters; markup is removed")
            @NotBlank @Size(max = 1000) @Pattern(regexp = ONE_LINE, message = NO_CONTROLS) String title,
            @Schema(description = "The first post: HTML with simple formatting, see the reply's body")
            @NotBlank @Size(max = MAX_RAW_BODY) @Pattern(regexp = TEXT, message = ONLY_LINE_BREAKS) String body) {
    }

    record NewPost(
            @Schema(description = "HTML with simple formatting (b, i, em, strong, p, br, ul, ol, li, blockquote, "
                    + "code, pre, and links to http, https or mailto addresses); anything else is removed. At most "
                    + BoardText.MAX_BODY + " characters once sanitised. @displayName mentions a member who can read "
                    + "the thread")
            @NotBlank @Size(max = MAX_RAW_BODY) @Pattern(regexp = TEXT, message = ONLY_LINE_BREAKS) String body) {
    }

    record Reason(
            @Schema(description = "Plain text, at most " + MAX_REASON + " characters")
            @NotBlank @Size(max = MAX_REASON) @Pattern(regexp = TEXT, message = ONLY_LINE_BREAKS) String reason) {
    }
}
