package org.netzerocities.learning.program;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.netzerocities.learning.program.ProgrammeApi.PROGRAMME;
import static org.netzerocities.learning.program.ProgrammeApi.as;
import static org.netzerocities.learning.program.ProgrammeApi.freshId;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Anyone reads the programme, in the language they prefer where it is translated, else in English. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ProgrammeReadingTest {

    @Autowired
    MockMvc http;
    @Autowired
    LearnerRepository learners;

    @Test
    void anyoneReadsTheFiveModulesWithTheirMasterclassesAndHomeworkWithoutAToken() throws Exception {
        http.perform(get(PROGRAMME))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.languages", contains("en")))
                .andExpect(jsonPath("$.modules[*].moduleId", contains("cities-mission", "contributing-to-nzc",
                        "citizen-engagement", "social-innovation", "systems-thinking")))
                .andExpect(jsonPath("$.modules[*].language", everyItem(is("en"))))
                .andExpect(jsonPath("$.modules[0].units[*].unitId", everyItem(startsWith("cities-mission."))))
                .andExpect(jsonPath("$.modules[*].units[*].masterclass.recordingUrl", everyItem(startsWith("https://"))))
                .andExpect(jsonPath("$.modules[*].units[*].homework.prompt", everyItem(containsString("your"))))
                .andExpect(jsonPath("$.modules[0].translations[*].language", hasItem("fr")));
    }

    @Test
    void aFrenchReaderGetsTheFrenchTranslationAndEnglishWhereThereIsNone() throws Exception {
        http.perform(get(PROGRAMME).param("language", "fr"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.languages", contains("fr", "en")))
                .andExpect(jsonPath("$.modules[0].title").value("La Mission Villes et NetZeroCities"))
                .andExpect(jsonPath("$.modules[0].language").value("fr"))
                .andExpect(jsonPath("$.modules[0].units[0].language").value("fr"))
                .andExpect(jsonPath("$.modules[0].units[0].homework.prompt", startsWith("Vérifiez")))
                // no French transcript yet: the English one, and the unit says so
                .andExpect(jsonPath("$.modules[0].units[0].untranslated", contains("masterclass.transcriptUrl")))
                .andExpect(jsonPath("$.modules[0].units[0].masterclass.language").value("en"))
                .andExpect(jsonPath("$.modules[1].units[0].language").value("en"))
                .andExpect(jsonPath("$.modules[1].units[0].untranslated").isEmpty());
    }

    @Test
    void theAcceptLanguageHeaderChoosesWhenNoLanguageIsAskedFor() throws Exception {
        http.perform(get(PROGRAMME).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-BE, en;q=0.8"))
                .andExpect(jsonPath("$.modules[2].title").value("Engagement des citoyens et des parties prenantes"))
                .andExpect(header().stringValues(HttpHeaders.VARY, hasItem(containsString(HttpHeaders.ACCEPT_LANGUAGE))));
        http.perform(get(PROGRAMME).header(HttpHeaders.ACCEPT_LANGUAGE, "en, fr;q=0.8"))
                .andExpect(jsonPath("$.modules[2].language").value("en"));
    }

    @Test
    void aSignedInLearnerGetsTheirOwnFirstLanguageUnlessTheRequestSaysOtherwise() throws Exception {
        String learner = freshId();
        learners.save(new Learner(learner, "Amélie", "lyon", List.of("fr", "en"), List.of(), Instant.now()));
        http.perform(get(PROGRAMME + "/units/cities-mission.climate-city-contracts").with(as(learner,
                GlobalRole.MEMBER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("fr"))
                .andExpect(jsonPath("$.title").value("Les Contrats climatiques de ville"));
        http.perform(get(PROGRAMME + "/units/cities-mission.climate-city-contracts").param("language", "en")
                .with(as(learner, GlobalRole.MEMBER)))
                .andExpect(jsonPath("$.language").value("en"));
    }

    @Test
    void aUnitIsServedWithItsVersionAsETagAndAnUnknownOneIsNotFound() throws Exception {
        http.perform(get(PROGRAMME + "/units/contributing-to-nzc.portfolio-of-actions"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.moduleId").value("contributing-to-nzc"))
                .andExpect(jsonPath("$.masterclass.durationMinutes").value(40));
        http.perform(get(PROGRAMME + "/modules/social-innovation"))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andExpect(jsonPath("$.units[*].unitId", contains("social-innovation.what-it-is",
                        "social-innovation.experiment-and-scale")));
        http.perform(get(PROGRAMME + "/units/contributing-to-nzc.nothing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApiDocumentationSaysTheApiEditsContentButNeitherAddsNorRetiresUnits() throws Exception {
        http.perform(get("/api/learning/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/learning/program/units/{unitId}/versions/{version}']").exists())
                .andExpect(jsonPath("$.tags[?(@.name == 'Programme')].description",
                        hasItem(containsString("neither adds nor retires units"))));
    }
}
