package org.netzerocities.community.member;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Search keys for text, accent- and case-insensitive ("Zürich" is found by "zur"): normalised words stored
 * with the document and matched by prefix. Works on the embedded server, which has no {@code $text}, and on a
 * real MongoDB, where a multikey index on the keys serves anchored prefix queries.
 */
public final class Keywords {

    /** More keys than a short bio yields are not worth their storage. */
    static final int MAX_KEYWORDS = 120;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Letters that Unicode decomposition does not reduce to a base letter. */
    private static final Map<String, String> FOLDED = Map.of("ß", "ss", "ø", "o", "ł", "l", "đ", "d", "æ", "ae",
            "œ", "oe", "ı", "i", "þ", "th", "ð", "d");

    private Keywords() {
    }

    /** Lower case, without accents and marks; {@code null} stays {@code null}. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        for (var letter : FOLDED.entrySet()) {
            folded = folded.replace(letter.getKey(), letter.getValue());
        }
        return folded;
    }

    /** The distinct normalised words of the given texts, in order of appearance. */
    public static List<String> of(String... texts) {
        return Arrays.stream(texts).filter(Objects::nonNull)
                .flatMap(text -> Stream.of(SEPARATORS.split(normalise(text))))
                .filter(word -> !word.isEmpty()).distinct().limit(MAX_KEYWORDS).toList();
    }
}
