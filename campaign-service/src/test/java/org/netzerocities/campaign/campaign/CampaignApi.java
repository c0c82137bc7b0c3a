package org.netzerocities.campaign.campaign;

import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.campaign.audience.Citizen;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * What campaign tests share: a fresh city channel with its two teams appointed through the channels API,
 * campaigns and posts made through the API, and the events read back from their topics.
 */
abstract class CampaignApi extends ConsumingServiceTest {

    static final String IMAGE = "https://media.example.org/lane.jpg";

    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafkaConnection;

    /** A channel of a city no other test uses, with a leader and a steering member. */
    record Team(String channelId, String city, String leader, String steering) {
    }

    static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("roles", List.of("ADMIN")));
    }

    /** A member campaigns know (as projected from MemberJoined), who may be appointed to a team. */
    String member() {
        String memberId = UUID.randomUUID().toString();
        mongo.insert(new Citizen(memberId, "Ana", "lisbon", List.of("pt"), List.of(), Instant.now()));
        return memberId;
    }

    Team team() throws Exception {
        String city = "city-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        String channelId = JsonPath.read(http.perform(post("/api/campaigns/channels").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"" + city + "\",\"language\":\"pt\",\"instagramAccountId\":\"17841400000000\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.channelId");
        Team team = new Team(channelId, city, member(), member());
        appoint(channelId, team.leader(), "LEADERSHIP_TEAM");
        appoint(channelId, team.steering(), "STEERING_COMMITTEE");
        return team;
    }

    private void appoint(String channelId, String memberId, String role) throws Exception {
        http.perform(post("/api/campaigns/channels/{id}/team", channelId).with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberId\":\"" + memberId + "\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isOk());
    }

    static String in(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A valid campaign of {@code kind} on the channel, as raw JSON. */
    static String campaignJson(String channelId, String kind, String campaignRef) {
        String details = switch (kind) {
            case "COMMUNICATION_SERIES" -> "\"series\":{\"intervieweeTypes\":[\"CITIZEN\",\"TRANSITION_TEAM_MEMBER\"],"
                    + "\"recurrence\":\"WEEKLY\"}";
            case "COLLABORATION_POST" -> "\"collaboration\":{\"collaboratorKind\":\"INFLUENCER\","
                    + "\"handles\":[\"ana.bikes\"]}";
            case "CONTENT_CREATION" -> "\"content\":{\"format\":\"IMPACT_STORY\"}";
            default -> "\"callToAction\":{\"activity\":\"Map the lanes your street needs\",\"deadline\":\"" + in(20)
                    + "\",\"questions\":[{\"id\":\"street\",\"text\":\"Which street?\",\"required\":true},"
                    + "{\"id\":\"why\",\"text\":\"Why?\",\"required\":false}]}";
        };
        return "{\"channelId\":\"" + channelId + "\",\"kind\":\"" + kind + "\",\"title\":\"Lanes for Lisbon\","
                + "\"audience\":[\"CITIZENS\"],\"pillar\":\"EXPANDING_MOVEMENT\",\"subTheme\":\"TAKE_ACTION\","
                + "\"startsAt\":\"" + in(0) + "\",\"endsAt\":\"" + in(30) + "\","
                + "\"kpis\":{\"reach\":5000,\"engagementRate\":3.5,\"responses\":40,\"newMembers\":10},"
                + (campaignRef == null ? "" : "\"campaignRef\":\"" + campaignRef + "\",") + details + "}";
    }

    ResultActions launch(String memberId, String body) throws Exception {
        return http.perform(post("/api/campaigns/campaigns").with(asMember(memberId))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Launches a campaign of {@code kind} as the team's leader; returns its id. */
    String campaign(Team team, String kind) throws Exception {
        return JsonPath.read(launch(team.leader(), campaignJson(team.channelId(), kind, null))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    static String postJson(String caption) {
        return "{\"caption\":\"" + caption + "\",\"hashtags\":[\"NetZeroCities\"],\"mediaKind\":\"IMAGE\","
                + "\"mediaUrls\":[\"" + IMAGE + "\"]}";
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String memberId, String body) {
        return request.with(asMember(memberId)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A draft on the campaign by the team's leader; returns its id. */
    String draft(Team team, String campaignId) throws Exception {
        return JsonPath.read(http.perform(json(post("/api/campaigns/campaigns/{id}/posts", campaignId),
                team.leader(), postJson("Ride with us"))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
    }

    /** A post submitted by the team's leader; returns its id. */
    String submitted(Team team, String campaignId) throws Exception {
        String postId = draft(team, campaignId);
        http.perform(post("/api/campaigns/posts/{id}/submission", postId).with(asMember(team.leader())))
                .andExpect(status().isOk());
        return postId;
    }

    /** Events of {@code type} on {@code topic} keyed {@code key}, waiting for {@code count} of them. */
    List<ConsumerRecord<String, String>> events(String topic, String key, EventType<?> type, int count) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()), topic,
                r -> key.equals(r.key()) && type.type().equals(TopicReader.header(r, "ce_type")), count,
                Duration.ofSeconds(15));
    }
}
