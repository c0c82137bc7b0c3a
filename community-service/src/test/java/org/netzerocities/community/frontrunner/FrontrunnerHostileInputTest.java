package org.netzerocities.community.frontrunner;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.MemberService;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever a client sends to the frontrunner-request routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class FrontrunnerHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";

    @Autowired
    MockMvc http;
    @Autowired
    FrontrunnerRequests requests;

    @Autowired
    MemberService members;
    @Autowired
    TokenIssuer tokens;

    @TestFactory
    Stream<DynamicTest> askingRefusesWhatItCannotUse() throws Exception {
        String member = fixtures().tokenOf(fixtures().register("cluj-napoca"));
        return Stream.of(
                hostile("huge motivation", ask(member, "{\"motivation\":\"" + HUGE + "\"}")),
                hostile("motivation of 1001 characters", ask(member, "{\"motivation\":\"" + "x".repeat(1001) + "\"}")),
                hostile("control characters in motivation", ask(member, "{\"motivation\":\"" + CONTROL + "\"}")),
                hostile("operator object as motivation", ask(member, "{\"motivation\":" + OPERATOR + "}")),
                hostile("array as motivation", ask(member, "{\"motivation\":[\"hi\"]}")),
                hostile("JSON array body", ask(member, "[]")),
                hostile("JSON null body", ask(member, "null")),
                hostile("empty body", ask(member, "")),
                hostile("truncated JSON", ask(member, "{\"motivation\":\"a")),
                hostile("deeply nested JSON", ask(member, "{\"motivation\":" + "[".repeat(5000) + "]".repeat(5000) + "}")),
                hostile("plain text", post("/api/community/frontrunner-requests")
                        .header("Authorization", "Bearer " + member).contentType(MediaType.TEXT_PLAIN).content("hi")),
                hostile("no token", post("/api/community/frontrunner-requests")
                        .contentType(MediaType.APPLICATION_JSON).content("{}")),
                hostile("garbage token", ask(HUGE, "{}")));
    }

    @TestFactory
    Stream<DynamicTest> listingRefusesWhatItCannotUse() throws Exception {
        String admin = fixtures().tokenOf(Fixtures.ADMIN);
        String team = fixtures().tokenOf(fixtures().transitionTeam("cluj-napoca"));
        return Stream.of(
                hostile("unknown status", list(admin).param("status", "MAYBE")),
                hostile("operator as status", list(admin).param("status", OPERATOR)),
                hostile("unknown city", list(admin).param("city", "atlantis")),
                hostile("operator as city", list(admin).param("city", OPERATOR)),
                hostile("control characters as city", list(admin).param("city", "cluj\u0000")),
                hostile("huge city", list(admin).param("city", HUGE)),
                hostile("page not a number", list(admin).param("page", "abc")),
                hostile("page whose offset overflows", list(admin).param("page", "2147483647")),
                hostile("size too big", list(admin).param("size", "1000")),
                hostile("another city for a transition team", list(team).param("city", "malmo")),
                hostile("operator as city for a transition team", list(team).param("city", OPERATOR)),
                hostile("no city for a transition team", list(team)),
                hostile("own requests, negative page", get("/api/community/frontrunner-requests/mine")
                        .header("Authorization", "Bearer " + team).param("page", "-1")));
    }

    @TestFactory
    Stream<DynamicTest> answeringRefusesWhatItCannotUse() throws Exception {
        Member citizen = fixtures().register("cluj-napoca");
        String id = requests.request(citizen.id(), null).id();
        String admin = fixtures().tokenOf(Fixtures.ADMIN);
        String team = fixtures().tokenOf(fixtures().transitionTeam("cluj-napoca"));
        String elsewhere = fixtures().tokenOf(fixtures().transitionTeam("malmo"));
        return Stream.of(
                hostile("unknown answer", answer(team, id, "{\"answer\":\"MAYBE\"}")),
                hostile("PENDING as answer", answer(team, id, "{\"answer\":\"PENDING\"}")),
                hostile("lower-case answer", answer(team, id, "{\"answer\":\"granted\"}")),
                hostile("null answer", answer(team, id, "{\"answer\":null}")),
                hostile("no answer", answer(team, id, "{}")),
                hostile("operator object as answer", answer(team, id, "{\"answer\":" + OPERATOR + "}")),
                hostile("array as answer", answer(team, id, "{\"answer\":[\"GRANTED\"]}")),
                hostile("huge answer", answer(team, id, "{\"answer\":\"" + HUGE + "\"}")),
                hostile("control characters as answer", answer(team, id, "{\"answer\":\"" + CONTROL + "\"}")),
                hostile("empty body", answer(team, id, "")),
                hostile("unknown request", answer(admin, "no-such-request", "{\"answer\":\"GRANTED\"}")),
                hostile("operator as request id", answer(admin, OPERATOR, "{\"answer\":\"GRANTED\"}")),
                hostile("huge request id", answer(admin, HUGE, "{\"answer\":\"GRANTED\"}")),
                hostile("control characters as request id", answer(admin, "r\u0001", "{\"answer\":\"GRANTED\"}")),
                hostile("another city's request", answer(elsewhere, id, "{\"answer\":\"GRANTED\"}")),
                hostile("the member answering their own request",
                        answer(fixtures().tokenOf(citizen), id, "{\"answer\":\"GRANTED\"}")));
    }

    private Fixtures fixtures() {
        return new Fixtures(http, members, tokens);
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    private static MockHttpServletRequestBuilder ask(String token, String body) {
        return post("/api/community/frontrunner-requests").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder list(String token) {
        return get("/api/community/frontrunner-requests").header("Authorization", "Bearer " + token);
    }

    private static MockHttpServletRequestBuilder answer(String token, String id, String body) {
        return post("/api/community/frontrunner-requests/{id}/answer", id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
