package org.netzerocities.learning.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.netzerocities.learning.program.ProgrammeApi.EDITED_MODULE;
import static org.netzerocities.learning.program.ProgrammeApi.EDITED_UNIT;
import static org.netzerocities.learning.program.ProgrammeApi.PROGRAMME;
import static org.netzerocities.learning.program.ProgrammeApi.admin;
import static org.netzerocities.learning.program.ProgrammeApi.facilitator;
import static org.netzerocities.learning.program.ProgrammeApi.member;
import static org.netzerocities.learning.program.ProgrammeApi.unitEdit;
import static org.netzerocities.learning.program.ProgrammeApi.unitEditBody;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.learning.program.ProgrammeEdits.ModuleTranslationEdit;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Facilitators and admins edit the programme; every edit names the version it was made from, and a unit's edit
 * is a new version with the previous ones kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ProgrammeEditingTest {

    @Autowired
    MockMvc http;
    @Autowired
    Programme programme;
    @Autowired
    ProgrammeContent content;
    @Autowired
    @Qualifier("programmeEditorErased")
    EventHandler<MemberErased> editorErased;

    @Test
    void aMemberWithoutTheFacilitatorOrAdminRoleMayNotEdit() throws Exception {
        int version = currentVersion();
        for (MockHttpServletRequestBuilder edit : List.of(
                editUnit(unitEdit("A member's title", version)),
                put(PROGRAMME + "/modules/" + EDITED_MODULE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"T\",\"summary\":\"S\",\"expectedVersion\":1}"),
                put(PROGRAMME + "/units/" + EDITED_UNIT + "/translations/it").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Vedere il sistema\"}"),
                put(PROGRAMME + "/modules/" + EDITED_MODULE + "/translations/it")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"T\",\"summary\":\"S\"}"))) {
            http.perform(edit).andExpect(status().isUnauthorized());
            http.perform(edit.with(member()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(currentVersion()).isEqualTo(version);
    }

    @Test
    void aFacilitatorsEditIsANewVersionAndThePreviousOneStaysReadable() throws Exception {
        int before = currentVersion();
        String previousTitle = programme.unit(EDITED_UNIT).orElseThrow().title();
        http.perform(editUnit(unitEditBody("Seeing the system, edition " + (before + 1)))
                .header(HttpHeaders.IF_MATCH, Expected.etag(before)).with(facilitator()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, Expected.etag(before + 1)))
                .andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.title").value("Seeing the system, edition " + (before + 1)));

        assertThat(programme.unit(EDITED_UNIT).orElseThrow().version()).isEqualTo(before + 1);
        http.perform(get(PROGRAMME + "/units/" + EDITED_UNIT + "/versions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(before + 1))
                .andExpect(jsonPath("$[0].current").value(true))
                .andExpect(jsonPath("$[1].version").value(before))
                .andExpect(jsonPath("$[1].content.title").value(previousTitle));
        http.perform(get(PROGRAMME + "/units/" + EDITED_UNIT + "/versions/" + before))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(jsonPath("$.content.title").value(previousTitle));
    }

    @Test
    void anEditThatChangesNothingAddsNoVersion() throws Exception {
        int version = currentVersion();
        var unchanged = content.existingUnit(EDITED_UNIT).content();
        assertThat(content.editUnit(EDITED_UNIT, new Expected(version, false), unchanged, "editor").version())
                .isEqualTo(version);
    }

    @Test
    void anAdminEditsAModulesTitleAndSummary() throws Exception {
        int version = content.existingModule(EDITED_MODULE).version();
        http.perform(put(PROGRAMME + "/modules/" + EDITED_MODULE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Systems thinking\",\"summary\":\"Seeing the city as a system, edition "
                        + (version + 1) + "\",\"expectedVersion\":" + version + "}")
                .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1))
                .andExpect(jsonPath("$.units[0].unitId").value(EDITED_UNIT));
    }

    @Test
    void anEditMadeFromAStaleVersionIsRefusedAndChangesNothing() throws Exception {
        int version = currentVersion();
        http.perform(editUnit(unitEditBody("Stale by header")).header(HttpHeaders.IF_MATCH, Expected.etag(version + 5))
                .with(facilitator()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(version));
        http.perform(editUnit(unitEdit("Stale by body", version + 5)).with(facilitator()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(editUnit(unitEditBody("Without a version")).with(admin()))
                .andExpect(status().isPreconditionRequired());
        assertThat(currentVersion()).isEqualTo(version);
    }

    @Test
    void ofConcurrentEditsOfTheSameVersionExactlyOneWins() throws Exception {
        int version = currentVersion();
        int editors = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpStatus>> outcomes = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            UnitContent edit = ProgrammeApi.unitContent("Concurrent edit " + i + " of version " + version);
            outcomes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(5, TimeUnit.SECONDS);
                    content.editUnit(EDITED_UNIT, new Expected(version, false), edit, "editor");
                    return HttpStatus.OK;
                } catch (ApiProblem problem) {
                    return HttpStatus.valueOf(problem.getStatusCode().value());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<HttpStatus> statuses = outcomes.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnlyOnce(HttpStatus.OK).filteredOn(s -> s != HttpStatus.OK)
                .containsOnly(HttpStatus.CONFLICT);
        assertThat(currentVersion()).isEqualTo(version + 1);
        assertThat(content.history(EDITED_UNIT)).extracting(ProgrammeViews.UnitVersionView::version)
                .startsWith(version + 1, version).doesNotHaveDuplicates();
    }

    @Test
    void aTranslationIsAddedThenReplacedOnlyFromItsCurrentVersionAndLeavesTheUnitsVersion() throws Exception {
        String unit = "systems-thinking.leverage-points";
        int unitVersion = programme.unit(unit).orElseThrow().version();
        String translations = PROGRAMME + "/units/" + unit + "/translations/";
        http.perform(put(translations + "DE").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Hebelpunkte für systemischen Wandel\"}").with(facilitator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("de"))
                .andExpect(jsonPath("$.title").value("Hebelpunkte für systemischen Wandel"))
                .andExpect(jsonPath("$.untranslated", contains("summary", "masterclass.title",
                        "masterclass.transcriptUrl", "homework.prompt")))
                .andExpect(jsonPath("$.version").value(unitVersion));
        http.perform(put(translations + "de").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Noch einmal neu\"}").with(facilitator()))
                .andExpect(status().isPreconditionRequired());
        http.perform(put(translations + "de").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .content("{\"title\":\"Hebelpunkte\",\"homeworkPrompt\":\"Markieren Sie drei Stellen.\"}")
                .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translations[?(@.language == 'de')].version", contains(2)))
                .andExpect(jsonPath("$.homework.prompt").value("Markieren Sie drei Stellen."));
        http.perform(put(translations + "de").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"1\"").content("{\"title\":\"Veraltet\"}").with(admin()))
                .andExpect(status().isPreconditionFailed());
        assertThat(programme.unit(unit).orElseThrow().version()).isEqualTo(unitVersion);
    }

    @Test
    void aTranslationMadeBeforeAnEditOfTheEnglishIsMarkedOutdated() throws Exception {
        String translator = ProgrammeApi.freshId();
        content.translateModule(EDITED_MODULE, "sl", null, new ModuleTranslationEdit("Sistemsko razmišljanje",
                null, null), translator);
        int version = currentVersion();
        content.translateUnit(EDITED_UNIT, "sl", null,
                new ProgrammeEdits.UnitTranslationEdit("Videti sistem", null, null, null, null, null, null),
                translator);
        content.editUnit(EDITED_UNIT, new Expected(version, false),
                ProgrammeApi.unitContent("Seeing the system, after the Slovenian translation"), "editor");
        http.perform(get(PROGRAMME + "/units/" + EDITED_UNIT).param("language", "sl"))
                .andExpect(jsonPath("$.language").value("sl"))
                .andExpect(jsonPath("$.title").value("Videti sistem"))
                .andExpect(jsonPath("$.translationOutdated").value(true));
        http.perform(get(PROGRAMME + "/modules/" + EDITED_MODULE).param("language", "sl"))
                .andExpect(jsonPath("$.title").value("Sistemsko razmišljanje"))
                .andExpect(jsonPath("$.untranslated", contains("summary")));
    }

    @Test
    void anEditorsEditsAreInTheirExportAndForgottenWhenTheyAreErasedWhileTheContentStays() throws Exception {
        String editor = ProgrammeApi.freshId();
        content.translateUnit("social-innovation.what-it-is", "pt", null,
                new ProgrammeEdits.UnitTranslationEdit("Inovação social para a neutralidade climática", null, null,
                        null, null, null, null), editor);
        http.perform(get("/api/learning/me/export").with(ProgrammeApi.as(editor, GlobalRole.FACILITATOR)))
                .andExpect(jsonPath("$.programmeEdits[*].id", contains("social-innovation.what-it-is")))
                .andExpect(jsonPath("$.programmeEdits[0].language").value("pt"));
        HandlerHarness.deliver(editorErased, editor, new MemberErased(editor, "lisbon", Instant.now()));
        assertThat(content.editsBy(editor)).isEmpty();
        assertThat(content.existingUnit("social-innovation.what-it-is").translations().get("pt").title())
                .isEqualTo("Inovação social para a neutralidade climática");
    }

    private int currentVersion() {
        return programme.unit(EDITED_UNIT).orElseThrow().version();
    }

    private static MockHttpServletRequestBuilder editUnit(String body) {
        return put(PROGRAMME + "/units/" + EDITED_UNIT).contentType(MediaType.APPLICATION_JSON).content(body);
    }

}
