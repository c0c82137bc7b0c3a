package org.netzerocities.community.pin;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.netzerocities.support.ApiProblem;

/**
 * Tags of the shared board, one spelling per tag so that {@code ?tag=} finds every pin: compatibility-normalised
 * (full-width letters become plain ones), lower case, a leading {@code #} dropped, spaces and underscores turned
 * into hyphens, duplicates removed. Letters and digits in hyphen-separated words, nothing else.
 */
final class Tags {

    static final int MAX_COUNT = 10;
    static final int MAX_LENGTH = 40;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");

    private Tags() {
    }

    /**
     * The normalised tags, in the order given.
     *
     * @throws ApiProblem 400 on field {@code tags[i]} for a tag that is null, empty, too long or not a word
     */
    static List<String> normalise(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_COUNT) {
            throw ApiProblem.invalid("tags", "must be at most " + MAX_COUNT + " tags");
        }
        var unique = new LinkedHashSet<String>();
        for (int i = 0; i < tags.size(); i++) {
            unique.add(tag(tags.get(i), "tags[" + i + "]"));
        }
        return new ArrayList<>(unique);
    }

    /**
     * One tag, normalised, e.g. for a query.
     *
     * @throws ApiProblem 400 on {@code field}
     */
    static String tag(String raw, String field) {
        if (raw == null) {
            throw ApiProblem.invalid(field, "must not be null");
        }
        if (raw.length() > 4 * MAX_LENGTH) {
            throw ApiProblem.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        String tag = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        tag = SEPARATORS.matcher(tag.startsWith("#") ? tag.substring(1) : tag).replaceAll("-");
        if (tag.isEmpty() || tag.length() > MAX_LENGTH) {
            throw ApiProblem.invalid(field, "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (!TAG.matcher(tag).matches()) {
            throw ApiProblem.invalid(field, "must be words of letters and digits joined by hyphens, e.g. repair-cafe");
        }
        return tag;
    }
}
