package org.netzerocities.notification.export;

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
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The member's data export of notification-service: their own contact and inbox only, whatever the request. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class MemberDataExportTest {

    private static final String EXPORT = "/api/notifications/me/export";

    @Autowired
    MockMvc http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    MemberContactRepository contacts;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aMemberGetsTheirOwnContactAndInboxAndNobodyElses() throws Exception {
        String owner = member("malmo");
        String other = member("cluj-napoca");

        http.perform(get(EXPORT).param("memberId", other).with(jwt().jwt(j -> j.subject(owner))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.memberId").value(owner))
                .andExpect(jsonPath("$.contact.memberId").value(owner))
                .andExpect(jsonPath("$.contact.email").value(owner + "@example.org"))
                .andExpect(jsonPath("$.contact.city").value("malmo"))
                .andExpect(jsonPath("$.contact.appliedEvents").doesNotExist())
                .andExpect(jsonPath("$.notifications.length()").value(1))
                .andExpect(jsonPath("$.notifications[0].id").value("welcome-" + owner))
                .andExpect(jsonPath("$.notifications[0].category").value("WELCOME"));
    }

    @Test
    void aMemberThisServiceKnowsNothingOfGetsAnEmptyExport() throws Exception {
        String stranger = UUID.randomUUID().toString();
        http.perform(get(EXPORT).with(jwt().jwt(j -> j.subject(stranger))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(stranger))
                .andExpect(jsonPath("$.contact").value(nullValue()))
                .andExpect(jsonPath("$.notifications").isEmpty());
    }

    /** The member id comes from the token alone: whatever it holds matches no one else's data. */
    @TestFactory
    Stream<DynamicTest> oddMemberIdsInTheTokenExportNothingOfOthers() {
        member("malmo");
        return Stream.of("{\"$gt\":\"\"}", "{\"$ne\":null}", ".*", "x".repeat(200_000), "a\u0000b\u001f\u007f",
                "' || '1'=='1").map(subject -> DynamicTest.dynamicTest(subject.length() > 40 ? "huge id" : subject,
                        () -> http.perform(get(EXPORT).with(jwt().jwt(j -> j.subject(subject))))
                                .andExpect(status().isOk())
                                .andExpect(jsonPath("$.contact").value(nullValue()))
                                .andExpect(jsonPath("$.notifications").isEmpty())));
    }

    @TestFactory
    Stream<DynamicTest> requestsWithoutAUsableTokenAreRefused() {
        return Stream.of(
                refused("no token", get(EXPORT), 401),
                refused("garbage token", get(EXPORT).header("Authorization", "Bearer x.y.z"), 401),
                refused("token naming no member",
                        get(EXPORT).with(jwt().jwt(j -> j.claims(claims -> claims.remove("sub")))), 401),
                refused("another method", post(EXPORT).with(jwt().jwt(j -> j.subject("m-1"))), 405),
                refused("encoded slash",
                        get("/api/notifications/me%2F..%2Fexport").with(jwt().jwt(j -> j.subject("m-1"))), 400));
    }

    private DynamicTest refused(String name, MockHttpServletRequestBuilder request, int status) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    /** A member who joined in {@code city}, with their contact and their welcome. */
    private String member(String city) {
        String memberId = UUID.randomUUID().toString();
        TestEvents.publish(kafka, codec, TestEvents.memberJoined(codec, memberId, city, List.of("sv")));
        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.MEMBER_CONTACT_CHANGED, memberId,
                new MemberContactChanged(memberId, memberId + "@example.org", true, "sv", "Europe/Stockholm", "Ana")));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.findById(memberId)
                .map(contact -> contact.email() != null && contact.city() != null).orElse(false)
                && mongo.exists(Query.query(Criteria.where("_id").is("welcome-" + memberId)), "notifications"));
        return memberId;
    }
}
