package org.netzerocities.campaign.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.MeterRegistry;

@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class AudienceProjectionTest {

    @Autowired
    MockMvc http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    CitizenRepository citizens;
    @Autowired
    MeterRegistry meters;

    @Test
    void memberWhoJoinedJoinsTheAudienceOfTheirCityAndFollowsTheirProfile() throws Exception {
        String memberId = UUID.randomUUID().toString();
        http.perform(get("/api/campaigns/audience/me").with(jwt().jwt(j -> j.subject(memberId))))
                .andExpect(status().isNotFound());

        send(TestEvents.memberJoined(codec, memberId, "malmo", List.of("sv", "en")));

        await().atMost(Duration.ofSeconds(20)).until(() -> citizens.existsById(memberId));
        http.perform(get("/api/campaigns/audience/me").with(jwt().jwt(j -> j.subject(memberId))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.city").value("malmo"))
                .andExpect(jsonPath("$.languages[0]").value("sv"));

        send(TestEvents.event(codec, EventCatalog.MEMBER_PROFILE_UPDATED, memberId, new MemberProfileUpdated(memberId,
                "Ana", "cluj-napoca", "malmo", List.of("ro"), List.of("mobility"), "Europe/Bucharest", false, true,
                Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> "cluj-napoca".equals(citizens.findById(memberId)
                .map(Citizen::city).orElse(null)));
        assertThat(citizens.findById(memberId)).get().satisfies(citizen -> {
            assertThat(citizen.languages()).containsExactly("ro");
            assertThat(citizen.interests()).containsExactly("mobility");
        });
    }

    /**
     * A redelivery of the same MemberJoined is skipped by the processed-event marks before any handler runs; the
     * projection itself would recreate nothing either, which the handler test shows without those marks.
     */
    @Test
    void anErasedMemberLeavesTheAudienceTheirTokenIsRefusedAndARedeliveredJoinRecreatesNothing() throws Exception {
        String memberId = UUID.randomUUID().toString();
        PendingEvent joined = TestEvents.memberJoined(codec, memberId, "malmo", List.of("sv"));
        send(joined);
        await().atMost(Duration.ofSeconds(20)).until(() -> citizens.existsById(memberId));

        send(TestEvents.event(codec, EventCatalog.MEMBER_ERASED, memberId,
                new MemberErased(memberId, "malmo", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> !citizens.existsById(memberId));
        http.perform(get("/api/campaigns/me/export").with(jwt().jwt(j -> j.subject(memberId))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        double duplicatesBefore = duplicateJoins();
        send(joined);
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicateJoins() > duplicatesBefore);
        assertThat(citizens.existsById(memberId)).isFalse();
    }

    private double duplicateJoins() {
        var counter = meters.find("nzc.events.consumed").tag("type", EventCatalog.MEMBER_JOINED.type())
                .tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private void send(PendingEvent event) {
        TestEvents.publish(kafka, codec, event);
    }
}
