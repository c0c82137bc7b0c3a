package org.netzerocities.learning.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** A cohort's life through the API, with what it publishes on its topic. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CohortFlowTest extends CohortApi {

    @Test
    void aFacilitatorDraftsAndPublishesACohortAndItsSessionsAreAnnounced() throws Exception {
        String lead = learner();
        String location = create(lead, newCohort(12, 10))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.leadFacilitatorId").value(lead))
                .andExpect(jsonPath("$.sessions.length()").value(4))
                .andExpect(jsonPath("$.placesLeft").value(12))
                .andReturn().getResponse().getHeader("Location");
        String cohortId = location.substring(location.lastIndexOf('/') + 1);

        String member = learner();
        http.perform(get("/api/learning/cohorts/{id}", cohortId).with(as(member, "MEMBER")))
                .andExpect(status().isNotFound());

        http.perform(post("/api/learning/cohorts/{id}/publication", cohortId).with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        http.perform(get(location).with(as(member, "MEMBER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Malmö spring cycle"));

        var started = published(cohortId, EventCatalog.COHORT_STARTED.type(), 1);
        assertThat(started).hasSize(1);
        assertThat((List<String>) read(started.get(0), "$.facilitatorIds")).containsExactly(lead);
        assertThat((Integer) read(started.get(0), "$.capacity")).isEqualTo(12);
        var sessions = published(cohortId, EventCatalog.DISCUSSION_SESSION_SCHEDULED.type(), 4);
        assertThat(sessions).hasSize(4).allSatisfy(record -> {
            assertThat((String) read(record, "$.change")).isEqualTo("SCHEDULED");
            assertThat((String) read(record, "$.link")).isEqualTo(LINK);
        });
        assertThat(sessions.stream().map(r -> (String) read(r, "$.moduleId")))
                .containsExactly("cities-mission", "contributing-to-nzc", "citizen-engagement", "social-innovation");
    }

    @Test
    void aMemberEnrolsAndIsAnnouncedAfterTheCohortStarted() throws Exception {
        String cohortId = published(5);
        String member = learner();

        enrol(member, cohortId)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ENROLLED"))
                .andExpect(header().doesNotExist("Location"));

        var enrolled = published(cohortId, EventCatalog.LEARNER_ENROLLED.type(), 1);
        assertThat(enrolled).hasSize(1);
        assertThat((String) read(enrolled.get(0), "$.memberId")).isEqualTo(member);
        assertThat((String) read(enrolled.get(0), "$.status")).isEqualTo("ENROLLED");
    }
}
