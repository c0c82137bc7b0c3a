package org.netzerocities.learning.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

/** A cohort's life through the API, with what it publishes on its topic. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CohortFlowTest extends CohortApi {

    @Autowired
    MongoTemplate mongo;

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
    void aMemberEnrolsAndIsAnnouncedOnTheCohortsTopicAfterTheCohortAndItsSessions() throws Exception {
        String cohortId = published(5);
        String member = learner();

        enrol(member, cohortId)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ENROLLED"))
                .andExpect(header().doesNotExist("Location"));

        var events = TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.LEARNING_COHORTS_TOPIC, r -> cohortId.equals(r.key()), 6, Duration.ofSeconds(20));
        assertThat(events.stream().map(r -> TopicReader.header(r, "ce_type"))).containsExactly(
                EventCatalog.COHORT_STARTED.type(), EventCatalog.DISCUSSION_SESSION_SCHEDULED.type(),
                EventCatalog.DISCUSSION_SESSION_SCHEDULED.type(), EventCatalog.DISCUSSION_SESSION_SCHEDULED.type(),
                EventCatalog.DISCUSSION_SESSION_SCHEDULED.type(), EventCatalog.LEARNER_ENROLLED.type());
        assertThat((String) read(events.get(5), "$.memberId")).isEqualTo(member);
        assertThat((String) read(events.get(5), "$.status")).isEqualTo("ENROLLED");
        assertThat((String) read(events.get(5), "$.cohortName")).isEqualTo("Malmö spring cycle");
    }

    @Test
    void aPublishedCohortChangedBeforeItStartsTellsItsLearnersAndFromItsFirstDayNothingChanges() throws Exception {
        String lead = learner();
        String moduleLead = learner();
        String cohortId = draft(lead, 2);
        http.perform(patch("/api/learning/cohorts/{id}", cohortId).with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"moduleFacilitatorIds\":{\"systems-thinking\":\"" + moduleLead + "\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facilitatorIds[1]").value(moduleLead));
        http.perform(post("/api/learning/cohorts/{id}/publication", cohortId).with(facilitator(moduleLead)))
                .andExpect(status().isOk());
        String ana = learner();
        enrolled(ana, cohortId);
        String sessions = sessions(cohortId, moduleLead);

        http.perform(patch("/api/learning/cohorts/{id}", cohortId).with(as(moduleLead, "MEMBER"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"capacity\":3,\"sessions\":" + sessions
                        .replaceFirst("T15:00:00Z\",\"durationMinutes\":90", "T18:30:00Z\",\"durationMinutes\":60")
                        + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity").value(3))
                .andExpect(jsonPath("$.placesLeft").value(2))
                .andExpect(jsonPath("$.sessions[0].durationMinutes").value(60));

        var updated = published(cohortId, EventCatalog.COHORT_UPDATED.type(), 1);
        assertThat(updated).singleElement().satisfies(r -> {
            assertThat((List<String>) read(r, "$.learnerIds")).containsExactly(ana);
            assertThat((List<String>) read(r, "$.facilitatorIds")).containsExactly(lead, moduleLead);
            assertThat((Integer) read(r, "$.capacity")).isEqualTo(3);
        });
        var scheduled = published(cohortId, EventCatalog.DISCUSSION_SESSION_SCHEDULED.type(), 5);
        assertThat(scheduled.stream().map(r -> (String) read(r, "$.change")))
                .containsExactly("SCHEDULED", "SCHEDULED", "SCHEDULED", "SCHEDULED", "RESCHEDULED");
        assertThat((List<String>) read(scheduled.get(4), "$.learnerIds")).containsExactly(ana);
        assertThat((String) read(scheduled.get(4), "$.sessionId")).isEqualTo(read(scheduled.get(0), "$.sessionId"));

        mongo.updateFirst(Query.query(Criteria.where("_id").is(cohortId)),
                new Update().set(Cohort.STARTS_ON, today()), Cohort.class);
        http.perform(patch("/api/learning/cohorts/{id}", cohortId).with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content("{\"capacity\":30}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(endsWith("/cohort-started")));
        assertThat(mongo.findById(cohortId, Cohort.class).plan().capacity()).isEqualTo(3);
    }

    @Test
    void membersSeePublishedCohortsWithPlacesLeftAndWaitlistFacilitatorsAlsoTheirDraftsAndNoOneElses()
            throws Exception {
        String lead = learner();
        String draft = JsonPath.read(create(lead, newCohort(4, 1)).andReturn().getResponse().getContentAsString(),
                "$.cohortId");
        String other = learner();
        String othersDraft = JsonPath.read(create(other, newCohort(4, 1)).andReturn().getResponse()
                .getContentAsString(), "$.cohortId");
        String open = JsonPath.read(create(lead, newCohort(1, 1)).andReturn().getResponse().getContentAsString(),
                "$.cohortId");
        http.perform(post("/api/learning/cohorts/{id}/publication", open).with(facilitator(lead)))
                .andExpect(status().isOk());
        enrolled(learner(), open);
        enrolled(learner(), open);

        String member = learner();
        http.perform(get("/api/learning/cohorts").param("size", "100").with(as(member, "MEMBER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.cohortId=='" + open + "')].placesLeft").value(0))
                .andExpect(jsonPath("$.items[?(@.cohortId=='" + open + "')].waitlistLength").value(1))
                .andExpect(jsonPath("$.items[?(@.cohortId=='" + draft + "')]").isEmpty())
                .andExpect(jsonPath("$.items[?(@.status=='DRAFT')]").isEmpty());
        http.perform(get("/api/learning/cohorts").param("size", "100").with(facilitator(lead)))
                .andExpect(jsonPath("$.items[?(@.cohortId=='" + draft + "')].status").value("DRAFT"))
                .andExpect(jsonPath("$.items[?(@.cohortId=='" + othersDraft + "')]").isEmpty());
        http.perform(get("/api/learning/cohorts").param("status", "DRAFT").param("size", "100")
                .with(as(learner(), "ADMIN")))
                .andExpect(jsonPath("$.items[?(@.cohortId=='" + othersDraft + "')].status").value("DRAFT"))
                .andExpect(jsonPath("$.items[?(@.status=='PUBLISHED')]").isEmpty());
        http.perform(get("/api/learning/cohorts/{id}", othersDraft).with(facilitator(lead)))
                .andExpect(status().isNotFound());
    }

    /** The sessions of the cohort as JSON, as its facilitator reads them. */
    private String sessions(String cohortId, String facilitatorId) throws Exception {
        String cohort = http.perform(get("/api/learning/cohorts/{id}", cohortId).with(facilitator(facilitatorId)))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.parse(cohort).read("$.sessions", net.minidev.json.JSONArray.class).toJSONString();
    }
}
