package org.netzerocities.learning.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.learning.program.ProgrammeUnit.UnitTranslation;
import org.netzerocities.learning.program.ProgrammeViews.UnitView;

/** A unit or module is served in the reader's language, field by field falling back to English, and says so. */
class ProgrammeViewsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final UnitContent ENGLISH = new UnitContent("Leverage points", "Where to intervene",
            new Masterclass("Finding the leverage points", "NZC team", "https://nzc.example/rec", 30, "en",
                    "https://nzc.example/rec/transcript"),
            new UnitContent.Homework("Mark three places in your city's system"));

    private static ProgrammeUnit unit(int version, Map<String, UnitTranslation> translations) {
        return new ProgrammeUnit("systems-thinking.leverage-points", "systems-thinking", 2, version, ENGLISH,
                translations, NOW, null);
    }

    private static UnitTranslation french(String prompt, String recording, int basedOn) {
        return new UnitTranslation("Points de levier", null, "Trouver les points de levier", recording, null, prompt,
                1, basedOn, NOW, "translator");
    }

    @Test
    void withoutATranslationInAPreferredLanguageTheUnitIsEnglishThroughout() {
        UnitView view = ProgrammeViews.unit(unit(1, Map.of("fr", french("Marquez", null, 1))), List.of("de", "en"));
        assertThat(view.language()).isEqualTo("en");
        assertThat(view.untranslated()).isEmpty();
        assertThat(view.title()).isEqualTo("Leverage points");
        assertThat(view.masterclass()).isEqualTo(ENGLISH.masterclass());
        assertThat(view.translations()).singleElement()
                .satisfies(info -> assertThat(info.language()).isEqualTo("fr"));
    }

    @Test
    void aTranslationServesItsFieldsAndEnglishStandsInForTheOthersListedAsUntranslated() {
        UnitView view = ProgrammeViews.unit(unit(1, Map.of("fr", french(null, null, 1))), List.of("fr", "en"));
        assertThat(view.language()).isEqualTo("fr");
        assertThat(view.title()).isEqualTo("Points de levier");
        assertThat(view.masterclass().title()).isEqualTo("Trouver les points de levier");
        assertThat(view.summary()).isEqualTo("Where to intervene");
        assertThat(view.homework().prompt()).isEqualTo("Mark three places in your city's system");
        assertThat(view.untranslated()).containsExactly("summary", "masterclass.transcriptUrl", "homework.prompt");
        // the original recording keeps its own language
        assertThat(view.masterclass().recordingUrl()).isEqualTo("https://nzc.example/rec");
        assertThat(view.masterclass().language()).isEqualTo("en");
        assertThat(view.translationOutdated()).isFalse();
    }

    @Test
    void aRecordingInTheReadersLanguageReplacesTheOriginalAndSaysItsLanguage() {
        UnitView view = ProgrammeViews.unit(unit(1, Map.of("fr", french("Marquez", "https://nzc.example/fr", 1))),
                List.of("fr", "en"));
        assertThat(view.masterclass().recordingUrl()).isEqualTo("https://nzc.example/fr");
        assertThat(view.masterclass().language()).isEqualTo("fr");
        assertThat(view.masterclass().speaker()).isEqualTo("NZC team");
        assertThat(view.masterclass().durationMinutes()).isEqualTo(30);
    }

    @Test
    void aTranslationMadeFromAnEarlierVersionIsMarkedOutdated() {
        UnitView view = ProgrammeViews.unit(unit(3, Map.of("fr", french("Marquez", null, 2))), List.of("fr", "en"));
        assertThat(view.translationOutdated()).isTrue();
        assertThat(view.translations()).singleElement().satisfies(info -> {
            assertThat(info.basedOn()).isEqualTo(2);
            assertThat(info.outdated()).isTrue();
        });
    }

    @Test
    void aModuleFallsBackToEnglishFieldByField() {
        ProgrammeModule module = new ProgrammeModule("systems-thinking", 5, "Systems thinking", "Seeing the city",
                2, Map.of("fr", new ProgrammeModule.ModuleTranslation("Pensée systémique", null, 1, 2, NOW, null)),
                NOW, null);
        var view = ProgrammeViews.module(module, List.of(), List.of("fr", "en"));
        assertThat(view.title()).isEqualTo("Pensée systémique");
        assertThat(view.summary()).isEqualTo("Seeing the city");
        assertThat(view.language()).isEqualTo("fr");
        assertThat(view.untranslated()).containsExactly("summary");
        assertThat(view.translationOutdated()).isFalse();
    }
}
