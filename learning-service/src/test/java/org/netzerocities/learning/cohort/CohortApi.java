package org.netzerocities.learning.cohort;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.TopicReader;
import org.netzerocities.events.contract.EventCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * What cohort tests share: members the programme knows, tokens with global roles, a cohort drafted and published
 * through the API, and the events read back from the cohorts topic.
 */
abstract class CohortApi extends ConsumingServiceTest {

    static final String LINK = "https://meet.example.org/nzc-cohort";

    @Autowired
    LearnerRepository learners;
    @Autowired
    KafkaConnectionDetails kafkaConnection;

    /** A member the programme has learnt of (as its projection would hold them after MemberJoined). */
    String learner() {
        String memberId = UUID.randomUUID().toString();
        learners.save(new Learner(memberId, "Learner " + memberId.substring(0, 4), "malmo", List.of("en"), List.of(),
                Instant.now()));
        return memberId;
    }

    static RequestPostProcessor as(String memberId, String... roles) {
        return jwt().jwt(token -> token.subject(memberId).claim("roles", List.of(roles)));
    }

    static RequestPostProcessor facilitator(String memberId) {
        return as(memberId, "MEMBER", "FACILITATOR");
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A valid new cohort starting in {@code startsIn} days, for 50 days, with the default sessions. */
    static String newCohort(int capacity, int startsIn) {
        return """
                {"name":"Malmö spring cycle","language":"en","startsOn":"%s","endsOn":"%s","capacity":%d,
                 "discussionLink":"%s"}""".formatted(today().plusDays(startsIn), today().plusDays(startsIn + 50),
                capacity, LINK);
    }

    ResultActions create(String facilitatorId, String body) throws Exception {
        return http.perform(post("/api/learning/cohorts").with(facilitator(facilitatorId))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A draft led by {@code facilitatorId}; returns its id. */
    String draft(String facilitatorId, int capacity) throws Exception {
        return JsonPath.read(create(facilitatorId, newCohort(capacity, 10)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.cohortId");
    }

    /** A published cohort led by a new facilitator; returns its id. */
    String published(int capacity) throws Exception {
        String lead = learner();
        String cohortId = draft(lead, capacity);
        http.perform(post("/api/learning/cohorts/{id}/publication", cohortId).with(facilitator(lead)))
                .andExpect(status().isOk());
        return cohortId;
    }

    ResultActions enrol(String memberId, String cohortId) throws Exception {
        return http.perform(post("/api/learning/cohorts/{id}/enrollments", cohortId).with(as(memberId, "MEMBER")));
    }

    String enrolled(String memberId, String cohortId) throws Exception {
        return JsonPath.read(enrol(memberId, cohortId).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.enrollmentId");
    }

    ResultActions withdraw(String memberId, String enrollmentId) throws Exception {
        return http.perform(delete("/api/learning/enrollments/{id}", enrollmentId).with(as(memberId, "MEMBER")));
    }

    /** The cohort's events of {@code type} on its topic, waiting for {@code count} of them. */
    List<ConsumerRecord<String, String>> published(String cohortId, String type, int count) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.LEARNING_COHORTS_TOPIC,
                r -> cohortId.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")), count,
                Duration.ofSeconds(20));
    }

    static <T> T read(ConsumerRecord<String, String> record, String path) {
        return JsonPath.read(record.value(), path);
    }
}
