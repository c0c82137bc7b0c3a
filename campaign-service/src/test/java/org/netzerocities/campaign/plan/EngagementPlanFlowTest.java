package org.netzerocities.campaign.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

/** A frontrunner's plan from writing to sharing, read back by their city's transition team, with the real broker. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class EngagementPlanFlowTest extends PlanApi {

    @Autowired
    KafkaConnectionDetails kafkaConnection;

    @Test
    void aFrontrunnerWritesProgressesAndSharesAPlanThatTheirCitysTransitionTeamThenReads() throws Exception {
        String city = freshCity();
        String ana = citizenOf(city);

        String location = create(ana, city, newPlan("Talks at the library")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.actions[0].status").value("PLANNED"))
                .andReturn().getResponse().getHeader("Location");
        String planId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).isEqualTo("/api/campaigns/engagement-plans/" + planId);
        http.perform(get("/api/campaigns/engagement-plans/mine").with(frontrunner(ana, city)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(planId));

        String actionId = firstActionId(planId);
        http.perform(patch("/api/campaigns/engagement-plans/{id}/actions/{actionId}", planId, actionId)
                .with(frontrunner(ana, city)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"DONE\",\"note\":\"30 people came\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[0].status").value("DONE"))
                .andExpect(jsonPath("$.actions[0].notes[0].text").value("30 people came"));
        http.perform(get("/api/campaigns/cities/{city}/engagement-plans", city).with(transitionTeam(city)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));

        http.perform(post("/api/campaigns/engagement-plans/{id}/sharing", planId).with(frontrunner(ana, city)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sharedWith").value(city));

        List<ConsumerRecord<String, String>> shared = TopicReader.read(
                String.join(",", kafkaConnection.getBootstrapServers()), EventCatalog.CAMPAIGN_ENGAGEMENT_PLANS_TOPIC,
                r -> planId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(shared).singleElement().satisfies(record -> {
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(EventCatalog.ENGAGEMENT_PLAN_SHARED.type());
            assertThat(JsonPath.<String>read(record.value(), "$.planId")).isEqualTo(planId);
            assertThat(JsonPath.<String>read(record.value(), "$.memberId")).isEqualTo(ana);
            assertThat(JsonPath.<String>read(record.value(), "$.city")).isEqualTo(city);
            assertThat(JsonPath.<String>read(record.value(), "$.title")).isEqualTo("Talks at the library");
        });
        http.perform(get("/api/campaigns/cities/{city}/engagement-plans", city).with(transitionTeam(city)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(planId))
                .andExpect(jsonPath("$.items[0].authorName").value("Ana " + ana.substring(0, 4)))
                .andExpect(jsonPath("$.items[0].actions[0].notes[0].text").value("30 people came"));
        http.perform(get("/api/campaigns/cities/{city}/engagement-plans", city).with(transitionTeam(freshCity())))
                .andExpect(status().isForbidden());
        http.perform(get("/api/campaigns/cities/{city}/engagement-plans", city).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void replacingFromAStaleRevisionIsAConflictAndKeepsTheNewerPlan() throws Exception {
        String city = freshCity();
        String ana = citizenOf(city);
        String planId = plan(ana, city);
        http.perform(patch("/api/campaigns/engagement-plans/{id}/actions/{actionId}", planId, firstActionId(planId))
                .with(frontrunner(ana, city)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(1));

        String stale = newPlan("Replaced").replaceFirst("\\}$", ",\"revision\":0}");
        http.perform(put("/api/campaigns/engagement-plans/{id}", planId).with(frontrunner(ana, city))
                .contentType(MediaType.APPLICATION_JSON).content(stale))
                .andExpect(status().isConflict());
        http.perform(put("/api/campaigns/engagement-plans/{id}", planId).with(frontrunner(ana, city))
                .contentType(MediaType.APPLICATION_JSON).content(stale.replace("\"revision\":0", "\"revision\":1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Replaced"))
                .andExpect(jsonPath("$.revision").value(2));
        assertThat(mongo.findById(planId, EngagementPlan.class).title()).isEqualTo("Replaced");
    }

    /** Each note is a read-modify-write of the whole plan: a save that loses the race reads again, none is lost. */
    @Test
    void notesWrittenAtTheSameMomentAreAllKept() throws Exception {
        String city = freshCity();
        String ana = citizenOf(city);
        String planId = plan(ana, city);
        String actionId = firstActionId(planId);

        CompletableFuture.allOf(IntStream.range(0, 3).mapToObj(i -> CompletableFuture.runAsync(() -> {
            try {
                http.perform(patch("/api/campaigns/engagement-plans/{id}/actions/{actionId}", planId, actionId)
                        .with(frontrunner(ana, city)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"note " + i + "\"}"))
                        .andExpect(status().isOk());
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        })).toArray(CompletableFuture[]::new)).join();

        assertThat(mongo.findById(planId, EngagementPlan.class).actions().get(0).notes())
                .extracting(PlannedAction.ProgressNote::text)
                .containsExactlyInAnyOrder("note 0", "note 1", "note 2");
    }

    @Test
    void aMemberWhoIsNoFrontrunnerOfTheirCityWritesNoPlanAndOnlyTheOwnerSeesOne() throws Exception {
        String city = freshCity();
        String ana = citizenOf(city);
        create(ana, freshCity(), newPlan("Elsewhere")).andExpect(status().isForbidden());
        create(citizenOf(null), city, newPlan("No city")).andExpect(status().isConflict());

        String planId = plan(ana, city);
        String ben = citizenOf(city);
        http.perform(get("/api/campaigns/engagement-plans/{id}", planId).with(frontrunner(ben, city)))
                .andExpect(status().isNotFound());
        http.perform(get("/api/campaigns/engagement-plans/{id}", planId).with(frontrunner(ana, city)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.memberId").value(ana));
        assertThat(mongo.count(Query.query(Criteria.where(EngagementPlan.MEMBER_ID).is(ana)), EngagementPlan.class))
                .isEqualTo(1);
    }

    @Test
    void anErasedFrontrunnersPlansAreInTheirExportUntilTheyAreGone() throws Exception {
        String city = freshCity();
        String ana = citizenOf(city);
        String planId = plan(ana, city);
        http.perform(post("/api/campaigns/engagement-plans/{id}/sharing", planId).with(frontrunner(ana, city)))
                .andExpect(status().isOk());
        http.perform(get("/api/campaigns/me/export").with(frontrunner(ana, city)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.engagementPlans[0].id").value(planId));

        erase(ana, city);

        await().atMost(CONSUMED_WITHIN).until(() -> mongo.findById(planId, EngagementPlan.class) == null);
        http.perform(get("/api/campaigns/cities/{city}/engagement-plans", city).with(transitionTeam(city)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }
}
