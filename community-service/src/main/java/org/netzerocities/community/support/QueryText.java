package org.netzerocities.community.support;

import java.util.List;

import org.netzerocities.support.ApiProblem;

/** A text query parameter that filters a list: optional, bounded, one line. */
public final class QueryText {

    private QueryText() {
    }

    /**
     * The value without surrounding blanks, or {@code null} when it is absent or blank. A value too long or with
     * control characters adds a field error (and is returned all the same: the caller throws on any error).
     */
    public static String optional(String field, String value, int max, List<ApiProblem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            errors.add(new ApiProblem.FieldError(field, "must be at most " + max + " characters"));
        }
        else if (stripped.chars().anyMatch(Character::isISOControl)) {
            errors.add(new ApiProblem.FieldError(field, "must not contain control characters"));
        }
        return stripped;
    }
}
