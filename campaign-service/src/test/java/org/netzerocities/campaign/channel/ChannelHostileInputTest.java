package org.netzerocities.campaign.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.testsupport.HostileRequests.spoiled;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Whatever a client sends to the channel routes, the answer is a 4xx problem, never a 5xx, and nothing changes. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ChannelHostileInputTest extends ChannelApi {

    private static final String HUGE = "\"" + "x".repeat(200_000) + "\"";
    private static final String CONTROL = "\"lis\\u0000\\u0007\\u001b[31m\"";
    private static final String OPERATOR = "{\"$gt\":\"\"}";

    @Autowired
    Channels channels;

    private static Map<String, String> validChannel() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("city", "\"" + freshCity() + "\"");
        fields.put("language", "\"pt\"");
        fields.put("instagramAccountId", "\"17841400000000\"");
        fields.put("cadence", "\"P7D\"");
        return fields;
    }

    @TestFactory
    Stream<DynamicTest> creatingAChannelRefusesWhatItCannotUse() {
        Map<String, String> valid = validChannel();
        return Stream.of(
                hostile("a member who is no admin", sending(post("/api/campaigns/channels"),
                        asMember(UUID.randomUUID().toString()), spoiled(valid, "city", "\"" + freshCity() + "\""))),
                hostile("no token", post("/api/campaigns/channels").contentType(MediaType.APPLICATION_JSON)
                        .content(spoiled(valid, "city", "\"" + freshCity() + "\""))),
                creating("huge city", spoiled(valid, "city", HUGE)),
                creating("control characters in city", spoiled(valid, "city", CONTROL)),
                creating("operator as city", spoiled(valid, "city", OPERATOR)),
                creating("city in capitals", spoiled(valid, "city", "\"Lisbon\"")),
                creating("city with accents", spoiled(valid, "city", "\"m\u00e1laga\"")),
                creating("city as number", spoiled(valid, "city", "42")),
                creating("city as array", spoiled(valid, "city", "[\"lisbon\"]")),
                creating("unknown language", spoiled(valid, "language", "\"zz\"")),
                creating("language in capitals", spoiled(valid, "language", "\"PT\"")),
                creating("null language", spoiled(valid, "language", "null")),
                creating("operator as language", spoiled(valid, "language", OPERATOR)),
                creating("account id with letters", spoiled(valid, "instagramAccountId", "\"abc\"")),
                creating("huge account id", spoiled(valid, "instagramAccountId", HUGE)),
                creating("null account id", spoiled(valid, "instagramAccountId", "null")),
                creating("account id as object", spoiled(valid, "instagramAccountId", OPERATOR)),
                creating("zero cadence", spoiled(valid, "cadence", "\"P0D\"")),
                creating("negative cadence", spoiled(valid, "cadence", "\"P-7D\"")),
                creating("cadence in words", spoiled(valid, "cadence", "\"weekly\"")),
                creating("cadence of hours", spoiled(valid, "cadence", "\"PT12H\"")),
                creating("cadence as number", spoiled(valid, "cadence", "7")),
                creating("huge cadence", spoiled(valid, "cadence", HUGE)),
                creating("cadence with control characters", spoiled(valid, "cadence", "\"P7D\\u0000\"")),
                creating("not JSON", "{city: lisbon"),
                creating("an array", "[" + spoiled(valid, "city", "\"" + freshCity() + "\"") + "]"),
                creating("nothing", ""));
    }

    @TestFactory
    Stream<DynamicTest> readingAChannelNeedsOneThatExists() {
        return Stream.of(
                hostile("unknown id", get("/api/campaigns/channels/" + UUID.randomUUID())),
                hostile("operator as id", get("/api/campaigns/channels/{id}", OPERATOR)),
                hostile("operator in the query", get("/api/campaigns/channels/a[$ne]=")),
                hostile("huge id", get("/api/campaigns/channels/{id}", "x".repeat(200_000))),
                hostile("page as text", get("/api/campaigns/channels").param("page", "first")),
                hostile("negative page", get("/api/campaigns/channels").param("page", "-1")),
                hostile("huge size", get("/api/campaigns/channels").param("size", "99999999999")));
    }

    @TestFactory
    Stream<DynamicTest> appointingRefusesWhatItCannotUse() throws Exception {
        String channelId = cityChannel(freshCity());
        String member = knownMember();
        String team = "/api/campaigns/channels/" + channelId + "/team";
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("memberId", "\"" + member + "\"");
        valid.put("role", "\"LEADERSHIP_TEAM\"");
        return Stream.of(
                hostile("a member who is no admin", sending(post(team), asMember(member), spoiled(valid, "role",
                        "\"LEADERSHIP_TEAM\""))),
                hostile("unknown channel", sending(post("/api/campaigns/channels/" + UUID.randomUUID() + "/team"),
                        admin(), spoiled(valid, "role", "\"LEADERSHIP_TEAM\""))),
                hostile("member unknown to campaigns", sending(post(team), admin(),
                        spoiled(valid, "memberId", "\"" + UUID.randomUUID() + "\""))),
                hostile("operator as member", sending(post(team), admin(), spoiled(valid, "memberId", OPERATOR))),
                hostile("operator text as member", sending(post(team), admin(),
                        spoiled(valid, "memberId", "\"{\\\"$gt\\\":\\\"\\\"}\""))),
                hostile("huge member", sending(post(team), admin(), spoiled(valid, "memberId", HUGE))),
                hostile("control characters in member", sending(post(team), admin(),
                        spoiled(valid, "memberId", CONTROL))),
                hostile("null member", sending(post(team), admin(), spoiled(valid, "memberId", "null"))),
                hostile("member as array", sending(post(team), admin(), spoiled(valid, "memberId", "[null]"))),
                hostile("unknown role", sending(post(team), admin(), spoiled(valid, "role", "\"OWNER\""))),
                hostile("null role", sending(post(team), admin(), spoiled(valid, "role", "null"))),
                hostile("role as number", sending(post(team), admin(), spoiled(valid, "role", "1"))),
                hostile("huge role", sending(post(team), admin(), spoiled(valid, "role", HUGE))));
    }

    @TestFactory
    Stream<DynamicTest> removingRefusesWhatItCannotUse() throws Exception {
        String channelId = cityChannel(freshCity());
        String member = knownMember();
        appoint(channelId, member, "STEERING_COMMITTEE");
        String team = "/api/campaigns/channels/" + channelId + "/team/";
        return Stream.of(
                hostile("a member who is no admin", delete(team + member).param("role", "STEERING_COMMITTEE")
                        .with(asMember(member))),
                hostile("no role", delete(team + member).with(admin())),
                hostile("unknown role", delete(team + member).param("role", "OWNER").with(admin())),
                hostile("the other team", delete(team + member).param("role", "LEADERSHIP_TEAM").with(admin())),
                hostile("operator as member", delete(team + "{id}", OPERATOR).param("role", "STEERING_COMMITTEE")
                        .with(admin())),
                hostile("operator in the query", delete(team + member).param("role[$ne]", "x").with(admin())),
                hostile("huge member", delete(team + "{id}", "x".repeat(200_000)).param("role", "STEERING_COMMITTEE")
                        .with(admin())),
                hostile("unknown channel", delete("/api/campaigns/channels/" + UUID.randomUUID() + "/team/" + member)
                        .param("role", "STEERING_COMMITTEE").with(admin())));
    }

    @TestFactory
    Stream<DynamicTest> storingACredentialRefusesWhatItCannotUse() throws Exception {
        String channelId = cityChannel(freshCity());
        String steering = knownMember();
        appoint(channelId, steering, "STEERING_COMMITTEE");
        String credential = "/api/campaigns/channels/" + channelId + "/credential";
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("accessToken", "\"IGQWRtoken\"");
        valid.put("expiresAt", "\"" + Instant.now().plus(Duration.ofDays(30)) + "\"");
        String token = "\"IGQWRtoken\"";
        return Stream.of(
                hostile("a member of no team", sending(put(credential), asMember(UUID.randomUUID().toString()),
                        spoiled(valid, "accessToken", token))),
                hostile("the steering committee", sending(put(credential), asMember(steering),
                        spoiled(valid, "accessToken", token))),
                hostile("unknown channel", sending(put("/api/campaigns/channels/" + UUID.randomUUID() + "/credential"),
                        admin(), spoiled(valid, "accessToken", token))),
                hostile("expiry too far", sending(put(credential), admin(), spoiled(valid, "expiresAt",
                        "\"2099-01-01T00:00:00Z\""))),
                hostile("expiry past", sending(put(credential), admin(), spoiled(valid, "expiresAt",
                        "\"2020-01-01T00:00:00Z\""))),
                hostile("expiry not a date", sending(put(credential), admin(), spoiled(valid, "expiresAt",
                        "\"soon\""))),
                hostile("expiry as object", sending(put(credential), admin(), spoiled(valid, "expiresAt", OPERATOR))),
                hostile("huge token", sending(put(credential), admin(), spoiled(valid, "accessToken", HUGE))),
                hostile("token with spaces", sending(put(credential), admin(), spoiled(valid, "accessToken",
                        "\"a b\""))),
                hostile("token with control characters", sending(put(credential), admin(),
                        spoiled(valid, "accessToken", CONTROL))),
                hostile("operator as token", sending(put(credential), admin(), spoiled(valid, "accessToken",
                        OPERATOR))),
                hostile("null token", sending(put(credential), admin(), spoiled(valid, "accessToken", "null"))),
                hostile("token as array", sending(put(credential), admin(), spoiled(valid, "accessToken",
                        "[null]"))));
    }

    @Test
    void refusedRequestsChangeNothing() throws Exception {
        String channelId = cityChannel(freshCity());
        String member = knownMember();
        http.perform(sending(post("/api/campaigns/channels/" + channelId + "/team"), asMember(member),
                "{\"memberId\":\"" + member + "\",\"role\":\"LEADERSHIP_TEAM\"}"));
        http.perform(sending(put("/api/campaigns/channels/" + channelId + "/credential"), asMember(member),
                "{\"accessToken\":\"IGQWRtoken\"}"));

        assertThat(channels.channel(channelId).orElseThrow().leadershipIds()).isEmpty();
        assertThat(channels.accessToken(channelId)).isEmpty();
    }

    private DynamicTest creating(String name, String body) {
        return hostile(name, sending(post("/api/campaigns/channels"), admin(), body));
    }

    private static MockHttpServletRequestBuilder sending(MockHttpServletRequestBuilder request,
            RequestPostProcessor token, String body) {
        return request.with(token).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }
}
