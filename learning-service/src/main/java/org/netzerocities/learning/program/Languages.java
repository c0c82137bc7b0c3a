package org.netzerocities.learning.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.netzerocities.support.ApiProblem;

/**
 * Which languages a reader wants the programme in, most wanted first. Content is English first and always
 * complete in English, so English ends every preference; a translation is served when the reader prefers its
 * language to English.
 */
final class Languages {

    static final String ENGLISH = "en";
    /** ISO 639-1 codes; they are also safe as field names of the stored translations map. */
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    /** More ranges than any reader needs; a longer header is read no further. */
    private static final int MAX_RANGES = 20;

    private Languages() {
    }

    static boolean isIso6391(String code) {
        return code != null && code.length() == 2 && ISO_639_1.contains(code);
    }

    /** A language code from the client: an ISO 639-1 code (any case), else 400 naming {@code field}. */
    static String require(String field, String code) {
        String normalised = code == null ? null : code.toLowerCase(Locale.ROOT);
        if (!isIso6391(normalised)) {
            throw ApiProblem.invalid(field, "must be an ISO 639-1 language code such as en, fr or de");
        }
        return normalised;
    }

    /**
     * The reader's preference: the {@code language} parameter when given (400 when it is not ISO 639-1), else the
     * Accept-Language header's languages by weight, else the learner's own languages (only looked up then);
     * English last.
     */
    static List<String> preferred(String parameter, String acceptLanguage,
            Supplier<? extends Collection<String>> learnerLanguages) {
        List<String> preferred = new ArrayList<>();
        if (parameter != null) {
            preferred.add(require("language", parameter));
        } else {
            preferred.addAll(accepted(acceptLanguage));
            if (preferred.isEmpty()) {
                learnerLanguages.get().stream().filter(Objects::nonNull).map(code -> code.toLowerCase(Locale.ROOT))
                        .filter(Languages::isIso6391).forEach(preferred::add);
            }
        }
        preferred.add(ENGLISH);
        return preferred.stream().distinct().toList();
    }

    /**
     * The first preferred language {@code translated} holds, when it comes before English; empty means English.
     */
    static Optional<String> pick(List<String> preferred, Set<String> translated) {
        return preferred.stream().takeWhile(language -> !language.equals(ENGLISH)).filter(translated::contains)
                .findFirst();
    }

    /**
     * The ISO 639-1 languages of an Accept-Language header by weight ({@code fr-BE} counts as {@code fr}); a
     * malformed header is ignored, as content negotiation allows.
     */
    private static List<String> accepted(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream().limit(MAX_RANGES)
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> range.getRange().split("-", 2)[0])
                    .filter(Languages::isIso6391)
                    .toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
