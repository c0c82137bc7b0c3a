package org.netzerocities.learning.program;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A module of the programme: its place, its English title and summary at {@code version} (every edit adds one),
 * and translations keyed by ISO 639-1 language code.
 */
@Document(ProgrammeModule.COLLECTION)
record ProgrammeModule(@Id String moduleId, int position, String title, String summary, int version,
        Map<String, ModuleTranslation> translations, Instant editedAt, String editedBy) {

    static final String COLLECTION = "programme_modules";

    ProgrammeModule {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /**
     * A module's title and summary in one language (either may be absent: English stands in), made from module
     * version {@code basedOn}; {@code version} counts the translation's own edits.
     */
    record ModuleTranslation(String title, String summary, int version, int basedOn, Instant editedAt,
            String editedBy) {
    }
}
