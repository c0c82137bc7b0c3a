package org.netzerocities.campaign.channel;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.campaign.audience.Citizen;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/** Helpers the channel tests share: admins, members campaigns know, fresh cities and the channels' events. */
abstract class ChannelApi {

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafkaConnection;

    static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("roles", List.of("ADMIN")));
    }

    /** A city id no other test uses. */
    static String freshCity() {
        return "city-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** A member campaigns know, as if their MemberJoined had been projected. */
    String knownMember() {
        String memberId = UUID.randomUUID().toString();
        mongo.insert(new Citizen(memberId, "Ana", "lisbon", List.of("pt"), List.of(), Instant.now()));
        return memberId;
    }

    /** Creates a city channel and returns its id. */
    String cityChannel(String city) throws Exception {
        String body = http.perform(post("/api/campaigns/channels").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"" + city + "\",\"language\":\"pt\",\"instagramAccountId\":\"17841400000000\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.channelId");
    }

    void appoint(String channelId, String memberId, String role) throws Exception {
        http.perform(post("/api/campaigns/channels/" + channelId + "/team").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberId\":\"" + memberId + "\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isOk());
    }

    /** The events of {@code type} keyed by the channel, waiting for {@code count} of them. */
    List<ConsumerRecord<String, String>> events(String channelId, EventType<?> type, int count, Duration within) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.CAMPAIGN_CHANNELS_TOPIC,
                r -> channelId.equals(r.key()) && type.type().equals(TopicReader.header(r, "ce_type")), count, within);
    }
}
