package org.netzerocities.campaign.audience;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

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

    @Test
    void memberWhoJoinedJoinsTheAudienceOfTheirCity() throws Exception {
        String memberId = UUID.randomUUID().toString();
        http.perform(get("/api/campaigns/audience/me").with(jwt().jwt(j -> j.subject(memberId))))
                .andExpect(status().isNotFound());

        TestEvents.publish(kafka, codec, TestEvents.memberJoined(codec, memberId, "malmo", List.of("sv", "en")));

        await().atMost(Duration.ofSeconds(20)).until(() -> citizens.existsById(memberId));
        http.perform(get("/api/campaigns/audience/me").with(jwt().jwt(j -> j.subject(memberId))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.city").value("malmo"))
                .andExpect(jsonPath("$.languages[0]").value("sv"));
    }
}
