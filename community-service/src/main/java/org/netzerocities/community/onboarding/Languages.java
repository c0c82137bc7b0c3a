package org.netzerocities.community.onboarding;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Content is written in English first; translations into the cities' languages are added later. */
final class Languages {

    static final String ENGLISH = "en";
    /** ISO 639-1, as members' languages are stored. */
    static final String CODE = "[a-zA-Z]{2}";

    private Languages() {
    }

    /** The first of the member's languages the content exists in, else English. */
    static String pick(List<String> preferred, Set<String> available) {
        return preferred.stream().map(Languages::normalise).filter(available::contains).findFirst()
                .orElse(ENGLISH);
    }

    static String normalise(String language) {
        return language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    }

    static List<String> normalise(Collection<String> languages) {
        return languages == null ? List.of() : languages.stream().map(Languages::normalise).toList();
    }
}
