package org.netzerocities.learning.program;

import org.netzerocities.support.ApiProblem;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What editors send. Every edit names the version it was made from, in the body ({@code expectedVersion}, 409 when
 * it is not current) or as {@code If-Match} (412); a translation sent without one must be new.
 */
final class ProgrammeEdits {

    private ProgrammeEdits() {
    }

    @Schema(description = "A unit's new English content, replacing the current version's whole: a new version")
    record UnitEdit(String title, String summary, MasterclassEdit masterclass, HomeworkEdit homework,
            Integer expectedVersion) {

        UnitContent valid() {
            ContentRules rules = new ContentRules();
            String title = rules.line("title", this.title, ContentRules.TITLE);
            String summary = rules.paragraphs("summary", this.summary, ContentRules.SUMMARY);
            Masterclass masterclass = this.masterclass == null ? rules.fault("masterclass", "is required")
                    : this.masterclass.valid(rules);
            String prompt = homework == null ? rules.fault("homework", "is required")
                    : rules.paragraphs("homework.prompt", homework.prompt(), ContentRules.PROMPT);
            rules.check();
            return new UnitContent(title, summary, masterclass, new UnitContent.Homework(prompt));
        }
    }

    @Schema(description = "The masterclass: recordingUrl and transcriptUrl are http(s) links (the transcript may be "
            + "absent), durationMinutes 1-600, language the ISO 639-1 code of the language spoken")
    record MasterclassEdit(String title, String speaker, String recordingUrl, Integer durationMinutes,
            String language, String transcriptUrl) {

        Masterclass valid(ContentRules rules) {
            return new Masterclass(rules.line("masterclass.title", title, ContentRules.TITLE),
                    rules.line("masterclass.speaker", speaker, ContentRules.SPEAKER),
                    rules.url("masterclass.recordingUrl", recordingUrl, true),
                    rules.minutes("masterclass.durationMinutes", durationMinutes),
                    rules.language("masterclass.language", language),
                    rules.url("masterclass.transcriptUrl", transcriptUrl, false));
        }
    }

    record HomeworkEdit(String prompt) {
    }

    @Schema(description = "A module's new English title and summary")
    record ModuleEdit(String title, String summary, Integer expectedVersion) {

        ModuleEdit valid() {
            ContentRules rules = new ContentRules();
            ModuleEdit valid = new ModuleEdit(rules.line("title", title, ContentRules.TITLE),
                    rules.paragraphs("summary", summary, ContentRules.SUMMARY), expectedVersion);
            rules.check();
            return valid;
        }
    }

    @Schema(description = "A unit's texts in one language; each field is optional (English stands in for what is "
            + "absent) but one at least is needed. recordingUrl is a recording in this language, transcriptUrl a "
            + "translated transcript or subtitles")
    record UnitTranslationEdit(String title, String summary, String masterclassTitle, String recordingUrl,
            String transcriptUrl, String homeworkPrompt, Integer expectedVersion) {

        UnitTranslationEdit valid() {
            ContentRules rules = new ContentRules();
            UnitTranslationEdit valid = new UnitTranslationEdit(
                    rules.optionalLine("title", title, ContentRules.TITLE),
                    rules.optionalParagraphs("summary", summary, ContentRules.SUMMARY),
                    rules.optionalLine("masterclassTitle", masterclassTitle, ContentRules.TITLE),
                    rules.url("recordingUrl", recordingUrl, false),
                    rules.url("transcriptUrl", transcriptUrl, false),
                    rules.optionalParagraphs("homeworkPrompt", homeworkPrompt, ContentRules.PROMPT),
                    expectedVersion);
            rules.check();
            if (valid.equals(new UnitTranslationEdit(null, null, null, null, null, null, expectedVersion))) {
                throw ApiProblem.invalid("title", "a translation needs one field at least");
            }
            return valid;
        }
    }

    @Schema(description = "A module's title and/or summary in one language (English stands in for what is absent)")
    record ModuleTranslationEdit(String title, String summary, Integer expectedVersion) {

        ModuleTranslationEdit valid() {
            ContentRules rules = new ContentRules();
            ModuleTranslationEdit valid = new ModuleTranslationEdit(
                    rules.optionalLine("title", title, ContentRules.TITLE),
                    rules.optionalParagraphs("summary", summary, ContentRules.SUMMARY), expectedVersion);
            rules.check();
            if (valid.title() == null && valid.summary() == null) {
                throw ApiProblem.invalid("title", "a translation needs one field at least");
            }
            return valid;
        }
    }
}
