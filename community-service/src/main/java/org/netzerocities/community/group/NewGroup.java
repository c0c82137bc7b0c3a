package org.netzerocities.community.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.netzerocities.support.ApiProblem;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a member sends to create a group. Patterns are single character classes: linear on any input. */
record NewGroup(
        @Schema(description = "CITY (needs a city) or TOPIC (needs a topic, may have a city); cohort groups come "
                + "from the programme only")
        @NotNull GroupKind kind,
        @NotBlank @Size(max = 80) @Pattern(regexp = ONE_LINE, message = "must not contain control characters")
        String name,
        @Schema(description = "Plain text; line breaks allowed")
        @Size(max = 2000) @Pattern(regexp = PLAIN_TEXT,
                message = "must not contain control characters other than line breaks") String description,
        @Schema(description = "PUBLIC: every member reads its boards and joins at once; PRIVATE: listed, but joining "
                + "is a request its moderators answer, and only members read its boards")
        @NotNull GroupVisibility visibility,
        @Schema(description = "Cities Mission city id (GET /api/community/cities)")
        @Size(max = 64) String city,
        @Schema(description = "Climate topic, e.g. energy; stored in lower case")
        @Size(max = 50) @Pattern(regexp = TOPIC, message = "must be letters, digits, spaces or hyphens") String topic) {

    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String PLAIN_TEXT = "[\\r\\n[^\\p{Cntrl}]]*";
    static final String TOPIC = "[\\p{L}\\p{N} -]*";

    /**
     * The group as it will be stored: trimmed, the topic in lower case, blank optional fields dropped.
     *
     * @throws ApiProblem 400 naming every field at fault: a cohort kind, a city group without a city or with a
     *                    topic, a topic group without a topic, a city that is not a Cities Mission city
     */
    NewGroup normalised(Predicate<String> cityExists) {
        String cleanCity = blankToNull(city);
        String cleanTopic = blankToNull(topic) == null ? null : topic.strip().toLowerCase(Locale.ROOT);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (kind == GroupKind.COHORT) {
            errors.add(new ApiProblem.FieldError("kind", "must be CITY or TOPIC: cohort groups come from the programme"));
        }
        if (kind == GroupKind.CITY && cleanCity == null) {
            errors.add(new ApiProblem.FieldError("city", "a city group needs a city"));
        }
        if (kind == GroupKind.CITY && cleanTopic != null) {
            errors.add(new ApiProblem.FieldError("topic", "only topic groups have a topic"));
        }
        if (kind == GroupKind.TOPIC && cleanTopic == null) {
            errors.add(new ApiProblem.FieldError("topic", "a topic group needs a topic"));
        }
        if (cleanCity != null && !cityExists.test(cleanCity)) {
            errors.add(new ApiProblem.FieldError("city",
                    "is not a Cities Mission city id (see GET /api/community/cities)"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new NewGroup(kind, name.strip(), blankToNull(description), visibility, cleanCity, cleanTopic);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
