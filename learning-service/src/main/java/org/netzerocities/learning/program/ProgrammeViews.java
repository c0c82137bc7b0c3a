package org.netzerocities.learning.program;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The programme as readers get it, in the language they prefer: each module and unit is served in the first
 * preferred language it is translated into (else English) and says so in {@code language}; the fields that
 * translation lacks are served in English and listed in {@code untranslated}.
 */
final class ProgrammeViews {

    private ProgrammeViews() {
    }

    @Schema(description = "The programme: modules in order, each with its units in order")
    record ProgrammeView(
            @Schema(description = "The languages the reader asked for, most wanted first; English always ends it")
            List<String> languages,
            List<ModuleView> modules) {
    }

    @Schema(description = "A module in the reader's language")
    record ModuleView(String moduleId, int position,
            @Schema(description = "Counts the edits of the English title and summary, from 1") int version,
            String title, String summary,
            @Schema(description = "ISO 639-1 language of title and summary, but for those listed in untranslated, "
                    + "which are English") String language,
            List<String> untranslated,
            @Schema(description = "The translation was made from an earlier version of the English text")
            boolean translationOutdated,
            List<TranslationInfo> translations, List<UnitView> units) {
    }

    @Schema(description = "A unit in the reader's language: its masterclass and homework")
    record UnitView(String unitId, String moduleId, int position,
            @Schema(description = "The content version, from 1; every edit of the English content adds one. "
                    + "Progress records the version a learner completed") int version,
            String title, String summary,
            @Schema(description = "masterclass.language is the language spoken in the recording served")
            Masterclass masterclass,
            UnitContent.Homework homework,
            @Schema(description = "ISO 639-1 language of the texts, but for the fields listed in untranslated "
                    + "(e.g. homework.prompt), which are English") String language,
            List<String> untranslated, boolean translationOutdated, List<TranslationInfo> translations) {
    }

    @Schema(description = "A translation held: its own version (for If-Match when replacing it) and the "
            + "English version it was made from")
    record TranslationInfo(String language, int version, int basedOn, boolean outdated) {
    }

    @Schema(description = "A unit's English content at one version")
    record UnitVersionView(String unitId, int version, boolean current, UnitContent content, Instant editedAt) {

        static UnitVersionView current(ProgrammeUnit unit) {
            return new UnitVersionView(unit.unitId(), unit.version(), true, unit.content(), unit.editedAt());
        }

        static UnitVersionView past(UnitVersion version) {
            return new UnitVersionView(version.unitId(), version.version(), false, version.content(),
                    version.editedAt());
        }
    }

    static ModuleView module(ProgrammeModule module, List<UnitView> units, List<String> preferred) {
        Optional<String> language = Languages.pick(preferred, module.translations().keySet());
        ProgrammeModule.ModuleTranslation translation = language.map(module.translations()::get).orElse(null);
        Fallback fallback = new Fallback(translation != null);
        String title = fallback.pick("title", translation == null ? null : translation.title(), module.title());
        String summary = fallback.pick("summary", translation == null ? null : translation.summary(),
                module.summary());
        return new ModuleView(module.moduleId(), module.position(), module.version(), title, summary,
                language.orElse(Languages.ENGLISH), fallback.untranslated,
                translation != null && translation.basedOn() < module.version(),
                infos(module.translations(), module.version(), ProgrammeModule.ModuleTranslation::version,
                        ProgrammeModule.ModuleTranslation::basedOn),
                units);
    }

    static UnitView unit(ProgrammeUnit unit, List<String> preferred) {
        Optional<String> language = Languages.pick(preferred, unit.translations().keySet());
        ProgrammeUnit.UnitTranslation t = language.map(unit.translations()::get).orElse(null);
        UnitContent english = unit.content();
        Masterclass recorded = english.masterclass();
        Fallback fallback = new Fallback(t != null);
        String title = fallback.pick("title", t == null ? null : t.title(), english.title());
        String summary = fallback.pick("summary", t == null ? null : t.summary(), english.summary());
        String masterclassTitle = fallback.pick("masterclass.title", t == null ? null : t.masterclassTitle(),
                recorded.title());
        // a recording in the reader's language replaces the original; the speaker and their words stay the same
        boolean dubbed = t != null && t.recordingUrl() != null;
        String transcript = fallback.pick("masterclass.transcriptUrl", t == null ? null : t.transcriptUrl(),
                recorded.transcriptUrl());
        String prompt = fallback.pick("homework.prompt", t == null ? null : t.homeworkPrompt(),
                english.homework().prompt());
        Masterclass masterclass = new Masterclass(masterclassTitle, recorded.speaker(),
                dubbed ? t.recordingUrl() : recorded.recordingUrl(), recorded.durationMinutes(),
                dubbed ? language.get() : recorded.language(), transcript);
        return new UnitView(unit.unitId(), unit.moduleId(), unit.position(), unit.version(), title, summary,
                masterclass, new UnitContent.Homework(prompt), language.orElse(Languages.ENGLISH),
                fallback.untranslated, t != null && t.basedOn() < unit.version(),
                infos(unit.translations(), unit.version(), ProgrammeUnit.UnitTranslation::version,
                        ProgrammeUnit.UnitTranslation::basedOn));
    }

    private static <T> List<TranslationInfo> infos(Map<String, T> translations, int current,
            ToIntFunction<T> version, ToIntFunction<T> basedOn) {
        return translations.entrySet().stream()
                .map(e -> new TranslationInfo(e.getKey(), version.applyAsInt(e.getValue()),
                        basedOn.applyAsInt(e.getValue()), basedOn.applyAsInt(e.getValue()) < current))
                .sorted(Comparator.comparing(TranslationInfo::language))
                .toList();
    }

    /** Takes each field from the translation when it has it, else English, noting the English ones. */
    private static final class Fallback {

        private final boolean translated;
        private final List<String> untranslated = new ArrayList<>();

        Fallback(boolean translated) {
            this.translated = translated;
        }

        String pick(String field, String translation, String english) {
            if (translation != null) {
                return translation;
            }
            // an absent English transcript is absent in every language: nothing to fall back from
            if (translated && english != null) {
                untranslated.add(field);
            }
            return english;
        }
    }
}
