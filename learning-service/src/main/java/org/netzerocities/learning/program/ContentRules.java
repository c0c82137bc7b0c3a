package org.netzerocities.learning.program;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.netzerocities.support.ApiProblem;

/**
 * The bounds of programme content as editors send it: texts trimmed, within their size, free of control characters
 * (summaries and prompts may span lines); links absolute http(s) URLs without credentials; durations in minutes;
 * language codes ISO 639-1. Collects every fault and refuses them together as one 400.
 */
final class ContentRules {

    static final int TITLE = 200;
    static final int SPEAKER = 200;
    static final int SUMMARY = 2_000;
    static final int PROMPT = 4_000;
    static final int URL = 2_000;
    static final int MAX_MINUTES = 600;

    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    /** A required single-line text, trimmed. */
    String line(String field, String value, int max) {
        return text(field, value, max, false, true);
    }

    /** An optional single-line text, trimmed; null when absent. */
    String optionalLine(String field, String value, int max) {
        return text(field, value, max, false, false);
    }

    /** A required text that may span lines, trimmed. */
    String paragraphs(String field, String value, int max) {
        return text(field, value, max, true, true);
    }

    /** An optional text that may span lines, trimmed; null when absent. */
    String optionalParagraphs(String field, String value, int max) {
        return text(field, value, max, true, false);
    }

    /** A link to watch or read: an absolute http or https URL with a host and no user info. */
    String url(String field, String value, boolean required) {
        String url = text(field, value, URL, false, required);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return fault(field, "must be an http or https URL with a host and no user info");
            }
        } catch (URISyntaxException malformed) {
            return fault(field, "must be an http or https URL");
        }
        return url;
    }

    int minutes(String field, Integer value) {
        if (value == null || value < 1 || value > MAX_MINUTES) {
            fault(field, "must be a number of minutes from 1 to " + MAX_MINUTES);
            return 0;
        }
        return value;
    }

    String language(String field, String value) {
        try {
            return Languages.require(field, value);
        } catch (ApiProblem invalid) {
            return fault(field, "must be an ISO 639-1 language code such as en, fr or de");
        }
    }

    /** Notes a fault about a field that is not a plain text (a missing object, a missing choice). */
    <T> T fault(String field, String message) {
        errors.add(new ApiProblem.FieldError(field, message));
        return null;
    }

    /** Refuses the request when anything was at fault. */
    void check() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private String text(String field, String value, int max, boolean multiline, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? fault(field, "must not be blank") : null;
        }
        String text = value.strip();
        if (text.length() > max) {
            return fault(field, "must be at most " + max + " characters");
        }
        boolean refused = text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE
                || (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))));
        return refused ? fault(field, "must not contain control characters") : text;
    }
}
