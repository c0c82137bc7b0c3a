package org.netzerocities.community.collaboration;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** Whatever a client sends to the collaboration routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CollaborationHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    private static final String ROUTE = "/api/community/collaboration-requests";

    private static final Map<String, String> VALID_FIELDS = Map.of("topic", "\"Roofs\"", "idea", "\"Solar panels\"",
            "contribution", "\"VOLUNTEERING\"");

    @Autowired
    MockMvc http;

    @TestFactory
    Stream<DynamicTest> offeringRefusesWhatItCannotUse() throws Exception {
        String member = api().register("Eleni", "kozani").token();
        return Stream.of(
                hostile("operator object as topic", offer(member, with("topic", OPERATOR))),
                hostile("operator object as idea", offer(member, with("idea", OPERATOR))),
                hostile("operator object as contribution", offer(member, with("contribution", OPERATOR))),
                hostile("operator string as contribution", offer(member, with("contribution", "\"$ne\""))),
                hostile("unknown contribution", offer(member, with("contribution", "\"MONEY\""))),
                hostile("no contribution", offer(member, with("contribution", "null"))),
                hostile("array as topic", offer(member, with("topic", "[\"a\"]"))),
                hostile("no topic", offer(member, with("topic", "null"))),
                hostile("blank idea", offer(member, with("idea", "\" \""))),
                hostile("huge topic", offer(member, with("topic", "\"" + HUGE + "\""))),
                hostile("huge idea", offer(member, with("idea", "\"" + HUGE + "\""))),
                hostile("idea of 2001 characters", offer(member, with("idea", "\"" + "x".repeat(2001) + "\""))),
                hostile("huge details", offer(member, with("contributionDetails", "\"" + HUGE + "\""))),
                hostile("control characters in topic", offer(member, with("topic", "\"" + CONTROL + "\""))),
                hostile("line break in topic", offer(member, with("topic", "\"a\\nb\""))),
                hostile("control characters in idea", offer(member, with("idea", "\"" + CONTROL + "\""))),
                hostile("control characters in details",
                        offer(member, with("contributionDetails", "\"" + CONTROL + "\""))),
                hostile("JSON array body", offer(member, "[]")),
                hostile("JSON null body", offer(member, "null")),
                hostile("empty body", offer(member, "")),
                hostile("truncated JSON", offer(member, "{\"topic\":\"a")),
                hostile("deeply nested JSON", offer(member, "{\"topic\":" + "[".repeat(5000) + "]".repeat(5000) + "}")),
                hostile("plain text", post(ROUTE).with(bearer(member)).contentType(MediaType.TEXT_PLAIN).content("hi")),
                hostile("no token", json(post(ROUTE), with("topic", "\"a\""))),
                hostile("garbage token", offer(HUGE, with("topic", "\"a\""))));
    }

    @TestFactory
    Stream<DynamicTest> listingRefusesWhatItCannotUse() throws Exception {
        String admin = api().admin();
        Registered teamMember = api().register("Team", "kozani");
        api().grant(teamMember.id(), "TRANSITION_TEAM", "kozani");
        String team = api().logIn(teamMember);
        String member = api().register("Eleni", "kozani").token();
        return Stream.of(
                hostile("unknown status", get(ROUTE).param("status", "MAYBE").with(bearer(admin))),
                hostile("operator as status", get(ROUTE).param("status", OPERATOR).with(bearer(admin))),
                hostile("unknown city", get(ROUTE).param("city", "atlantis").with(bearer(admin))),
                hostile("operator as city", get(ROUTE).param("city", OPERATOR).with(bearer(admin))),
                hostile("huge city", get(ROUTE).param("city", HUGE).with(bearer(admin))),
                hostile("control characters as city", get(ROUTE).param("city", "kozani\u0000").with(bearer(admin))),
                hostile("page not a number", get(ROUTE).param("page", "abc").with(bearer(admin))),
                hostile("page whose offset overflows", get(ROUTE).param("page", "2147483647").with(bearer(admin))),
                hostile("size too big", get(ROUTE).param("size", "1000").with(bearer(admin))),
                hostile("another city for a transition team", get(ROUTE).param("city", "trikala").with(bearer(team))),
                hostile("no city for a transition team", get(ROUTE).with(bearer(team))),
                hostile("a member listing their city", get(ROUTE).param("city", "kozani").with(bearer(member))),
                hostile("a member listing every city", get(ROUTE).with(bearer(member))),
                hostile("own requests, negative page", get(ROUTE + "/mine").param("page", "-1").with(bearer(member))),
                hostile("own requests, unknown status", get(ROUTE + "/mine").param("status", "$ne")
                        .with(bearer(member))),
                hostile("no token", get(ROUTE + "/mine")));
    }

    @TestFactory
    Stream<DynamicTest> threadAndAnswerRefuseWhatTheyCannotUse() throws Exception {
        Registered member = api().register("Eleni", "kozani");
        String id = JsonPath.read(http.perform(offer(member.token(), with("topic", "\"Roofs\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String admin = api().admin();
        String stranger = api().register("Nikos", "kozani").token();
        Registered elsewhere = api().register("Team", "trikala");
        api().grant(elsewhere.id(), "TRANSITION_TEAM", "trikala");
        String otherTeam = api().logIn(elsewhere);
        List<DynamicTest> tests = new ArrayList<>(List.of(
                hostile("huge message", message(member.token(), id, "{\"text\":\"" + HUGE + "\"}")),
                hostile("message of 2001 characters", message(member.token(), id,
                        "{\"text\":\"" + "x".repeat(2001) + "\"}")),
                hostile("control characters in message", message(member.token(), id,
                        "{\"text\":\"" + CONTROL + "\"}")),
                hostile("blank message", message(member.token(), id, "{\"text\":\"  \"}")),
                hostile("null message", message(member.token(), id, "{\"text\":null}")),
                hostile("operator as message", message(member.token(), id, "{\"text\":" + OPERATOR + "}")),
                hostile("array as message", message(member.token(), id, "{\"text\":[\"a\"]}")),
                hostile("empty message body", message(member.token(), id, "")),
                hostile("a stranger's message", message(stranger, id, "{\"text\":\"hi\"}")),
                hostile("another city's team's message", message(otherTeam, id, "{\"text\":\"hi\"}")),
                hostile("unknown answer", answer(admin, id, "{\"answer\":\"MAYBE\"}")),
                hostile("status as answer", answer(admin, id, "{\"answer\":\"OPEN\"}")),
                hostile("lower-case answer", answer(admin, id, "{\"answer\":\"accepted\"}")),
                hostile("null answer", answer(admin, id, "{\"answer\":null}")),
                hostile("no answer", answer(admin, id, "{}")),
                hostile("operator as answer", answer(admin, id, "{\"answer\":" + OPERATOR + "}")),
                hostile("huge answer", answer(admin, id, "{\"answer\":\"" + HUGE + "\"}")),
                hostile("huge answer message", answer(admin, id,
                        "{\"answer\":\"MORE_INFO\",\"message\":\"" + HUGE + "\"}")),
                hostile("control characters in answer message", answer(admin, id,
                        "{\"answer\":\"MORE_INFO\",\"message\":\"" + CONTROL + "\"}")),
                hostile("empty answer body", answer(admin, id, "")),
                hostile("the member answering their own request", answer(member.token(), id,
                        "{\"answer\":\"ACCEPTED\"}")),
                hostile("a stranger answering", answer(stranger, id, "{\"answer\":\"ACCEPTED\"}")),
                hostile("another city's team answering", answer(otherTeam, id, "{\"answer\":\"ACCEPTED\"}")),
                hostile("a stranger reading", get(ROUTE + "/{id}", id).with(bearer(stranger))),
                hostile("another city's team reading", get(ROUTE + "/{id}", id).with(bearer(otherTeam))),
                hostile("reading without a token", get(ROUTE + "/{id}", id))));
        for (String bad : List.of("no-such-request", OPERATOR, HUGE, "r\u0001", "..%2F..")) {
            String label = bad.length() > 20 ? "huge id" : "id " + bad;
            tests.add(hostile("read " + label, get(ROUTE + "/{id}", bad).with(bearer(admin))));
            tests.add(hostile("message " + label, message(admin, bad, "{\"text\":\"hi\"}")));
            tests.add(hostile("answer " + label, answer(admin, bad, "{\"answer\":\"ACCEPTED\"}")));
        }
        return tests.stream();
    }

    private static String with(String field, String value) {
        return HostileRequests.spoiled(VALID_FIELDS, field, value);
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }

    private static MockHttpServletRequestBuilder offer(String token, String body) {
        return json(post(ROUTE), body).with(bearer(token));
    }

    private static MockHttpServletRequestBuilder message(String token, String id, String body) {
        return json(post(ROUTE + "/{id}/messages", id), body).with(bearer(token));
    }

    private static MockHttpServletRequestBuilder answer(String token, String id, String body) {
        return json(post(ROUTE + "/{id}/answer", id), body).with(bearer(token));
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }
}
