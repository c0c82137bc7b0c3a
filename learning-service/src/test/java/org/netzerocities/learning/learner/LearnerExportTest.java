package org.netzerocities.learning.learner;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The member's data export of learning-service: their own data only, whatever the request. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class LearnerExportTest {

    private static final String EXPORT = "/api/learning/me/export";

    @Autowired
    MockMvc http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    LearnerRepository learners;

    @Test
    void aLearnerGetsTheirOwnRecordAndNobodyElses() throws Exception {
        String owner = learner("malmo");
        String other = learner("cluj-napoca");

        http.perform(get(EXPORT).param("memberId", other).with(jwt().jwt(j -> j.subject(owner))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.memberId").value(owner))
                .andExpect(jsonPath("$.learner.memberId").value(owner))
                .andExpect(jsonPath("$.learner.city").value("malmo"))
                .andExpect(jsonPath("$.learner.appliedEvents").doesNotExist());
    }

    @Test
    void aMemberTheProgrammeKnowsNothingOfGetsAnEmptyExport() throws Exception {
        String stranger = UUID.randomUUID().toString();
        http.perform(get(EXPORT).with(jwt().jwt(j -> j.subject(stranger))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(stranger))
                .andExpect(jsonPath("$.learner").value(nullValue()));
    }

    /** The member id comes from the token alone: whatever it holds matches no one else's record. */
    @TestFactory
    Stream<DynamicTest> oddMemberIdsInTheTokenExportNothingOfOthers() {
        learner("malmo");
        return Stream.of("{\"$gt\":\"\"}", "{\"$ne\":null}", ".*", "x".repeat(200_000), "a\u0000b\u001f\u007f",
                "' || '1'=='1").map(subject -> DynamicTest.dynamicTest(subject.length() > 40 ? "huge id" : subject,
                        () -> http.perform(get(EXPORT).with(jwt().jwt(j -> j.subject(subject))))
                                .andExpect(status().isOk())
                                .andExpect(jsonPath("$.learner").value(nullValue()))));
    }

    @TestFactory
    Stream<DynamicTest> requestsWithoutAUsableTokenAreRefused() {
        return Stream.of(
                refused("no token", get(EXPORT), 401),
                refused("garbage token", get(EXPORT).header("Authorization", "Bearer x.y.z"), 401),
                refused("token naming no member",
                        get(EXPORT).with(jwt().jwt(j -> j.claims(claims -> claims.remove("sub")))), 401),
                refused("another method", post(EXPORT).with(jwt().jwt(j -> j.subject("m-1"))), 405),
                refused("encoded slash", get("/api/learning/me%2F..%2Fexport").with(jwt().jwt(j -> j.subject("m-1"))),
                        400));
    }

    private DynamicTest refused(String name, MockHttpServletRequestBuilder request, int status) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    private String learner(String city) {
        String memberId = UUID.randomUUID().toString();
        TestEvents.publish(kafka, codec, TestEvents.memberJoined(codec, memberId, city, List.of("sv")));
        await().atMost(Duration.ofSeconds(20)).until(() -> learners.existsById(memberId));
        return memberId;
    }
}
