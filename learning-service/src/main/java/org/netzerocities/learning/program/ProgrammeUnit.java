package org.netzerocities.learning.program;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit of a module at its current {@code version} (1 as seeded; every edit of the English content adds one and
 * keeps the previous content in {@link UnitVersion}s), with translations keyed by ISO 639-1 language code. A
 * translation does not change the version: learners who completed the unit completed the same content.
 */
@Document(ProgrammeUnit.COLLECTION)
record ProgrammeUnit(@Id String unitId, @Indexed String moduleId, int position, int version, UnitContent content,
        Map<String, UnitTranslation> translations, Instant editedAt, String editedBy) {

    static final String COLLECTION = "programme_units";

    ProgrammeUnit {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /**
     * A unit's texts in one language; absent fields are served in English. {@code recordingUrl} is a dubbed or
     * re-recorded masterclass in this language, {@code transcriptUrl} a translated transcript or subtitles.
     * {@code basedOn} is the unit version translated; {@code version} counts the translation's own edits.
     */
    record UnitTranslation(String title, String summary, String masterclassTitle, String recordingUrl,
            String transcriptUrl, String homeworkPrompt, int version, int basedOn, Instant editedAt,
            String editedBy) {
    }
}
