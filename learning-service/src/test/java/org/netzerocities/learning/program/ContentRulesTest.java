package org.netzerocities.learning.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.netzerocities.learning.program.ProgrammeEdits.HomeworkEdit;
import org.netzerocities.learning.program.ProgrammeEdits.MasterclassEdit;
import org.netzerocities.learning.program.ProgrammeEdits.ModuleTranslationEdit;
import org.netzerocities.learning.program.ProgrammeEdits.UnitEdit;
import org.netzerocities.learning.program.ProgrammeEdits.UnitTranslationEdit;
import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;

/** What editors may write into the programme. */
class ContentRulesTest {

    static MasterclassEdit masterclass(String recordingUrl) {
        return new MasterclassEdit("Feedback loops", "NZC team", recordingUrl, 35, "en",
                "https://nzc.example/transcript");
    }

    static UnitEdit edit(String title, MasterclassEdit masterclass, String prompt) {
        return new UnitEdit(title, "Stocks and flows", masterclass, new HomeworkEdit(prompt), 1);
    }

    @Test
    void aValidEditIsTrimmedAndKept() {
        UnitContent content = edit("  Seeing the system ", masterclass("https://nzc.example/rec"),
                "Draw a loop.\nThen explain it.\tThanks").valid();
        assertThat(content.title()).isEqualTo("Seeing the system");
        assertThat(content.homework().prompt()).isEqualTo("Draw a loop.\nThen explain it.\tThanks");
        assertThat(content.masterclass().durationMinutes()).isEqualTo(35);
    }

    @Test
    void onlyAbsoluteHttpAndHttpsLinksWithAHostAndNoCredentialsAreAccepted() {
        assertThat(edit("T", masterclass("HTTP://nzc.example/a?b=c#d"), "P").valid().masterclass().recordingUrl())
                .isEqualTo("HTTP://nzc.example/a?b=c#d");
        for (String url : List.of("javascript:alert(1)", "ftp://nzc.example/a", "data:text/html,hi", "/relative",
                "https://user:pass@nzc.example/", "https:///nohost", "http://exa mple.com", "https://nzc.example/"
                        + "x".repeat(ContentRules.URL))) {
            assertRefused(edit("T", masterclass(url), "P"), "masterclass.recordingUrl");
        }
    }

    @Test
    void textsAreBoundedAndBlankRequiredTextsAreRefused() {
        edit("x".repeat(ContentRules.TITLE), masterclass("https://nzc.example/"), "p".repeat(ContentRules.PROMPT))
                .valid();
        assertRefused(edit("x".repeat(ContentRules.TITLE + 1), masterclass("https://nzc.example/"), "P"), "title");
        assertRefused(edit("T", masterclass("https://nzc.example/"), "p".repeat(ContentRules.PROMPT + 1)),
                "homework.prompt");
        assertRefused(edit(" \n", masterclass("https://nzc.example/"), "P"), "title");
        assertRefused(new UnitEdit("T", "S", null, null, 1), "masterclass", "homework");
    }

    @Test
    void controlCharactersAreRefusedAndLineBreaksOnlyWhereTextSpansLines() {
        assertRefused(edit("Line\nbreak", masterclass("https://nzc.example/"), "P"), "title");
        assertRefused(edit("Nul\u0000", masterclass("https://nzc.example/"), "P"), "title");
        assertRefused(edit("T", masterclass("https://nzc.example/"), "Escape \u001b[31m red"), "homework.prompt");
        assertRefused(edit("T", masterclass("https://nzc.example/\u0007"), "P"), "masterclass.recordingUrl");
        assertRefused(edit("Lone \ud800 surrogate", masterclass("https://nzc.example/"), "P"), "title");
    }

    @Test
    void durationsAreMinutesFromOneToSixHoursAndLanguagesIso6391() {
        assertRefused(edit("T", new MasterclassEdit("M", "S", "https://nzc.example/", 0, "en", null), "P"),
                "masterclass.durationMinutes");
        assertRefused(edit("T", new MasterclassEdit("M", "S", "https://nzc.example/", 601, "en", null), "P"),
                "masterclass.durationMinutes");
        assertRefused(edit("T", new MasterclassEdit("M", "S", "https://nzc.example/", null, "English", null), "P"),
                "masterclass.durationMinutes", "masterclass.language");
    }

    @Test
    void everyFaultIsReportedTogether() {
        assertRefused(new UnitEdit(null, null, new MasterclassEdit(null, null, null, null, null, "mailto:x@y.z"),
                new HomeworkEdit(null), null), "title", "summary", "masterclass.title", "masterclass.speaker",
                "masterclass.recordingUrl", "masterclass.durationMinutes", "masterclass.language",
                "masterclass.transcriptUrl", "homework.prompt");
    }

    @Test
    void aTranslationNeedsOneFieldAtLeastAndKeepsTheRulesOfTheOriginal() {
        assertRefused(new UnitTranslationEdit(" ", null, null, null, null, null, null)::valid, "title");
        assertRefused(new ModuleTranslationEdit(null, "", null)::valid, "title");
        assertRefused(new UnitTranslationEdit("T", null, null, "javascript:x", null, null, null)::valid,
                "recordingUrl");
        assertThat(new UnitTranslationEdit(null, null, null, null, null, " Appliquez ", 2).valid().homeworkPrompt())
                .isEqualTo("Appliquez");
    }

    private static void assertRefused(UnitEdit edit, String... fields) {
        assertRefused(edit::valid, fields);
    }

    private static void assertRefused(ThrowingCallable validation, String... fields) {
        assertThatThrownBy(validation).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            @SuppressWarnings("unchecked")
            var errors = (List<ApiProblem.FieldError>) problem.getBody().getProperties().get("errors");
            assertThat(errors).extracting(ApiProblem.FieldError::field).containsExactlyInAnyOrder(fields);
        });
    }
}
