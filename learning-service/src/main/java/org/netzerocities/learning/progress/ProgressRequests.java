package org.netzerocities.learning.progress;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of progress, homework and Q&A. Texts are bounded and free of control characters other than
 * line breaks and tabs; the patterns are single character classes, linear on any input.
 */
final class ProgressRequests {

    static final String TEXT = "[\\t\\r\\n\\P{Cc}]*";
    static final String ONLY_LINE_BREAKS = "must not contain control characters other than tabs and line breaks";
    static final int MAX_HOMEWORK = 10_000;
    static final int MAX_FEEDBACK = 5_000;
    static final int MAX_QUESTION = 2_000;
    static final int MAX_ANSWER = 5_000;

    private ProgressRequests() {
    }

    /** The text without surrounding blanks, or null when blank. */
    static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record NewHomework(
            @Schema(description = "The learner's answer, at most " + MAX_HOMEWORK + " characters")
            @Size(max = MAX_HOMEWORK) @Pattern(regexp = TEXT, message = ONLY_LINE_BREAKS) String text,
            @Schema(description = "An https link to the learner's work (a document, a board, a video)",
                    example = "https://example.org/our-portfolio")
            @Size(max = HttpsLink.MAX_LENGTH) String link) {
    }

    record Review(
            @Schema(description = "ACCEPTED, or RETURNED for the learner to resubmit") @NotNull Decision decision,
            @Schema(description = "Required when returned, at most " + MAX_FEEDBACK + " characters")
            @Size(max = MAX_FEEDBACK) @Pattern(regexp = TEXT, message = ONLY_LINE_BREAKS) String feedback) {
    }

    record NewQuestion(
            @Schema(description = "At most " + MAX_QUESTION + " characters")
            @NotBlank @Size(max = MAX_QUESTION) @Pattern(regexp = TEXT, message = ONLY_LINE_BREAKS) String text) {
    }

    record NewAnswer(
            @Schema(description = "At most " + MAX_ANSWER + " characters")
            @NotBlank @Size(max = MAX_ANSWER) @Pattern(regexp = TEXT, message = ONLY_LINE_BREAKS) String text) {
    }
}
