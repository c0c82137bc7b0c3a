package org.netzerocities.campaign.idea;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.netzerocities.campaign.audience.Citizen;
import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.CallToJoinLaunched;
import org.netzerocities.events.contract.community.ContentPinned;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/** What content-idea tests share: sample source events, members campaigns know, channels and their teams. */
abstract class IdeaApi extends ConsumingServiceTest {

    static final Instant SOON = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Channels channels;
    @Autowired
    EventHandler<EventScheduled> onEventScheduled;
    @Autowired
    EventHandler<CallToJoinLaunched> onCallToJoinLaunched;
    @Autowired
    EventHandler<ContentPinned> onContentPinned;
    @Autowired
    EventHandler<CertificateIssued> onCertificateIssued;

    static String freshCity() {
        return "city-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static EventScheduled eventIn(String city) {
        return new EventScheduled(id(), "Repair café", city, "IN_PERSON", SOON, SOON.plusSeconds(7200),
                "Europe/Lisbon", "pt", List.of("circularity"), id(), null);
    }

    static CallToJoinLaunched callIn(String city) {
        return new CallToJoinLaunched(id(), "JOIN-" + city, city, "Join the mobility table", List.of("mobility"), SOON,
                id(), Instant.now());
    }

    static ContentPinned pinOf(String memberId, String city) {
        return new ContentPinned(id(), memberId, city, "https://www.instagram.com/p/abc/", List.of("energy"),
                "Our rooftop solar", "SOCIAL_POST", Instant.now());
    }

    static CertificateIssued certificateOf(String memberId) {
        return new CertificateIssued(id(), memberId, id(), "NZC-ABCD-1234", Instant.now(), id());
    }

    /** A member of {@code city} campaigns know, as if their MemberJoined had been projected. */
    String citizenOf(String city) {
        String memberId = id();
        mongo.insert(new Citizen(memberId, "Rita " + memberId.substring(0, 4), city, List.of("pt"), List.of(),
                Instant.now()));
        return memberId;
    }

    long ideasIn(String city) {
        return mongo.count(Query.query(Criteria.where(ContentIdea.CITY).is(city)), ContentIdea.class);
    }

    static RequestPostProcessor as(String memberId) {
        return jwt().jwt(token -> token.subject(memberId).claim("roles", List.of("MEMBER")));
    }

    static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(id()).claim("roles", List.of("ADMIN")));
    }

    /** A member appointed to the channel of {@code city} (null: the main channel), created when missing. */
    String teamMember(String city, String role) throws Exception {
        var channel = channels.all().stream().filter(c -> Objects.equals(c.city(), city)).findFirst();
        String channelId = channel.isPresent() ? channel.get().channelId()
                : createChannel(city == null ? "" : "\"city\":\"" + city + "\",");
        String memberId = citizenOf(city);
        http.perform(post("/api/campaigns/channels/{id}/team", channelId).with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberId\":\"" + memberId + "\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isOk());
        return memberId;
    }

    private String createChannel(String cityField) throws Exception {
        String body = http.perform(post("/api/campaigns/channels").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{" + cityField + "\"language\":\"pt\",\"instagramAccountId\":\"17841400000000\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.channelId");
    }
}
