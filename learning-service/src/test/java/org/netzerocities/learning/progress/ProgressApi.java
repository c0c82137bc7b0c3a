package org.netzerocities.learning.progress;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.learning.program.Programme;
import org.netzerocities.learning.program.Programme.ModuleOutline;
import org.netzerocities.learning.program.Programme.UnitOutline;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * What progress tests share: members the programme knows, a published cohort with its facilitators, enrolments,
 * the progress routes, and the events read back from the topics.
 */
abstract class ProgressApi extends ConsumingServiceTest {

    static final String TEXT = "In Malmö we would start with the harbour district";

    @Autowired
    LearnerRepository learners;
    @Autowired
    Programme programme;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafkaConnection;

    /** A member the programme knows, in {@code city} (as its projection holds them after MemberJoined). */
    String learner(String city) {
        String memberId = UUID.randomUUID().toString();
        learners.save(new Learner(memberId, "Learner " + memberId.substring(0, 4), city, List.of("en"), List.of(),
                Instant.now()));
        return memberId;
    }

    static RequestPostProcessor as(String memberId, String... roles) {
        return jwt().jwt(token -> token.subject(memberId).claim("roles", List.of(roles.length == 0
                ? new String[] { "MEMBER" } : roles)));
    }

    /** A published cohort led by {@code lead}, with {@code moduleFacilitators} ({@code moduleId -> memberId}). */
    String cohort(String lead, Map<String, String> moduleFacilitators, int capacity) throws Exception {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        String facilitators = moduleFacilitators.entrySet().stream()
                .map(entry -> "\"%s\":\"%s\"".formatted(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        String body = """
                {"name":"Malmö spring cycle","language":"en","startsOn":"%s","endsOn":"%s","capacity":%d,
                 "moduleFacilitatorIds":%s,"discussionLink":"https://meet.example.org/nzc"}"""
                .formatted(start, start.plusDays(50), capacity, facilitators);
        String cohortId = JsonPath.read(http.perform(post("/api/learning/cohorts").with(as(lead, "MEMBER",
                "FACILITATOR")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.cohortId");
        http.perform(post("/api/learning/cohorts/{id}/publication", cohortId).with(as(lead, "MEMBER", "FACILITATOR")))
                .andExpect(status().isOk());
        return cohortId;
    }

    /** A published cohort led by a new facilitator, with a new learner holding a place in it. */
    record Enrolment(String lead, String cohortId, String member, String enrollmentId) {
    }

    Enrolment enrolment(Map<String, String> moduleFacilitators) throws Exception {
        String lead = learner("malmo");
        String cohortId = cohort(lead, moduleFacilitators, 10);
        String member = learner("malmo");
        return new Enrolment(lead, cohortId, member, enrolled(member, cohortId));
    }

    /** Enrols the member; returns the enrolment's id. */
    String enrolled(String memberId, String cohortId) throws Exception {
        return JsonPath.read(http.perform(post("/api/learning/cohorts/{id}/enrollments", cohortId).with(as(memberId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.enrollmentId");
    }

    ResultActions watch(String memberId, String enrollmentId, String unitId) throws Exception {
        return http.perform(post("/api/learning/enrollments/{id}/units/{unitId}/completion", enrollmentId, unitId)
                .with(as(memberId)));
    }

    ResultActions submit(String memberId, String enrollmentId, String unitId, String body) throws Exception {
        return http.perform(post("/api/learning/enrollments/{id}/units/{unitId}/homework", enrollmentId, unitId)
                .with(as(memberId)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Submits a text as homework; returns the submission's id. */
    String submitted(String memberId, String enrollmentId, String unitId) throws Exception {
        return string(submit(memberId, enrollmentId, unitId, "{\"text\":\"" + TEXT + "\"}")
                .andExpect(status().isCreated()), "$.submissionId");
    }

    ResultActions review(String facilitatorId, String submissionId, String body) throws Exception {
        return review(as(facilitatorId), submissionId, body);
    }

    ResultActions review(RequestPostProcessor reviewer, String submissionId, String body) throws Exception {
        return http.perform(post("/api/learning/homework/{id}/review", submissionId).with(reviewer)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The string at {@code path} of the response. */
    static String string(ResultActions response, String path) throws Exception {
        return JsonPath.read(response.andReturn().getResponse().getContentAsString(), path);
    }

    /** Watches the unit, hands in its homework and has {@code facilitatorId} accept it. */
    void complete(String memberId, String enrollmentId, String unitId, String facilitatorId) throws Exception {
        watch(memberId, enrollmentId, unitId).andExpect(status().isOk());
        review(facilitatorId, submitted(memberId, enrollmentId, unitId), "{\"decision\":\"ACCEPTED\"}")
                .andExpect(status().isOk());
    }

    /** Completes every unit of the module. */
    void complete(String memberId, String enrollmentId, ModuleOutline module, String facilitatorId)
            throws Exception {
        for (UnitOutline unit : module.units()) {
            complete(memberId, enrollmentId, unit.unitId(), facilitatorId);
        }
    }

    ModuleOutline module(int position) {
        return programme.modules().get(position - 1);
    }

    /** The events of {@code type} keyed {@code key} on {@code topic}, waiting for {@code count} of them. */
    List<ConsumerRecord<String, String>> events(String topic, String key, String type, int count) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()), topic,
                r -> key.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type")), count,
                Duration.ofSeconds(20));
    }

    /**
     * Every event keyed {@code key} on {@code topic}, once the enrolment's progress has none left to send: to count
     * them, read for a while longer than it takes to receive them.
     */
    List<ConsumerRecord<String, String>> allEventsOf(String topic, String enrollmentId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(enrollmentId, Progress.class).outbox()
                .isEmpty());
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()), topic,
                r -> enrollmentId.equals(r.key()), Integer.MAX_VALUE, Duration.ofSeconds(3));
    }

    static String type(ConsumerRecord<String, String> record) {
        return TopicReader.header(record, "ce_type");
    }

    static <T> T read(ConsumerRecord<String, String> record, String path) {
        return JsonPath.read(record.value(), path);
    }
}
