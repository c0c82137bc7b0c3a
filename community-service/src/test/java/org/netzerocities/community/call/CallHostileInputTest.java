package org.netzerocities.community.call;

import static org.netzerocities.community.call.CallWebTest.admin;
import static org.netzerocities.community.call.CallWebTest.inDays;
import static org.netzerocities.community.call.CallWebTest.teamOf;
import static org.netzerocities.community.call.CallWebTest.with;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever a client sends to the call routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CallHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";

    @Autowired
    MockMvc http;

    @TestFactory
    Stream<DynamicTest> launchingRefusesWhatItCannotUse() {
        return Stream.of(
                hostile("operator object as city", launch(with("city", OPERATOR))),
                hostile("operator string as city", launch(with("city", "\"{\\\"$gt\\\":\\\"\\\"}\""))),
                hostile("array as city", launch(with("city", "[\"malmo\"]"))),
                hostile("huge city", launch(with("city", "\"" + HUGE + "\""))),
                hostile("another city", launch(with("city", "\"cluj-napoca\""))),
                hostile("control characters as city", launch(with("city", "\"" + CONTROL + "\""))),
                hostile("operator object as title", launch(with("title", OPERATOR))),
                hostile("array as title", launch(with("title", "[\"Join\"]"))),
                hostile("boolean as closing date", launch(with("closesAt", "true"))),
                hostile("null title", launch(with("title", "null"))),
                hostile("control characters in title", launch(with("title", "\"" + CONTROL + "\""))),
                hostile("huge title", launch(with("title", "\"" + HUGE + "\""))),
                hostile("huge message", launch(with("message", "\"" + HUGE + "\""))),
                hostile("huge message of line breaks", launch(with("message", "\"" + "\\n".repeat(100_000) + "\""))),
                hostile("control characters in message", launch(with("message", "\"" + CONTROL + "\""))),
                hostile("operator object as message", launch(with("message", OPERATOR))),
                hostile("null among topics", launch(with("topics", "[null]"))),
                hostile("object among topics", launch(with("topics", "[" + OPERATOR + "]"))),
                hostile("operator object as topics", launch(with("topics", OPERATOR))),
                hostile("huge topic", launch(with("topics", "[\"" + HUGE + "\"]"))),
                hostile("control characters in topic", launch(with("topics", "[\"" + CONTROL + "\"]"))),
                hostile("many topics", launch(with("topics", "[" + "\"energy\",".repeat(10_000) + "\"x\"]"))),
                hostile("operator object as closing date", launch(with("closesAt", OPERATOR))),
                hostile("number as closing date", launch(with("closesAt", "1e20"))),
                hostile("huge number as closing date", launch(with("closesAt", "9".repeat(5_000)))),
                hostile("closing date without offset", launch(with("closesAt", "\"" + inDays(3).replace("Z", "") + "\""))),
                hostile("closing date at the end of time", launch(with("closesAt", "\"+999999999-12-31T23:59:59Z\""))),
                hostile("closing date at the start of time", launch(with("closesAt", "\"-999999999-01-01T00:00:00Z\""))),
                hostile("huge closing date", launch(with("closesAt", "\"" + HUGE + "\""))),
                hostile("null closing date", launch(with("closesAt", "null"))),
                hostile("deeply nested JSON", launch("{\"title\":" + "[".repeat(5000) + "]".repeat(5000) + "}")),
                hostile("JSON array body", launch("[]")),
                hostile("JSON null body", launch("null")),
                hostile("empty body", launch("")),
                hostile("truncated JSON", launch("{\"title\":\"a\",")),
                hostile("plain text", post("/api/community/calls").with(teamOf("malmo"))
                        .contentType(MediaType.TEXT_PLAIN).content("hi")),
                hostile("no token", post("/api/community/calls").contentType(MediaType.APPLICATION_JSON)
                        .content(with("city", "\"malmo\""))),
                hostile("garbage bearer token", post("/api/community/calls").header("Authorization", "Bearer " + HUGE)
                        .contentType(MediaType.APPLICATION_JSON).content(with("city", "\"malmo\""))));
    }

    @TestFactory
    Stream<DynamicTest> readingRefusesWhatItCannotUse() {
        return Stream.of(
                hostile("operator as code", get("/api/community/calls/{code}", OPERATOR)),
                hostile("huge code", get("/api/community/calls/{code}", HUGE)),
                hostile("control characters in code", get("/api/community/calls/{code}", "CLUJ-\u0000\u0007")),
                hostile("encoded slash in code", get("/api/community/calls/a%2F..%2Fb")),
                hostile("regex as code", get("/api/community/calls/{code}", ".*")),
                hostile("unknown code", get("/api/community/calls/{code}", "CLUJ-22222")));
    }

    @TestFactory
    Stream<DynamicTest> listingRefusesWhatItCannotUse() {
        return Stream.of(
                hostile("operator as city", get("/api/community/calls").param("city", OPERATOR).with(admin())),
                hostile("huge city", get("/api/community/calls").param("city", HUGE).with(admin())),
                hostile("huge city of a team", get("/api/community/calls").param("city", HUGE).with(teamOf("malmo"))),
                hostile("control characters as city",
                        get("/api/community/calls").param("city", "malmo\u0000").with(admin())),
                hostile("another city", get("/api/community/calls").param("city", "cluj-napoca").with(teamOf("malmo"))),
                hostile("no city", get("/api/community/calls").with(admin())),
                hostile("page not a number", get("/api/community/calls").param("city", "malmo").param("page", "abc")
                        .with(admin())),
                hostile("page whose offset overflows", get("/api/community/calls").param("city", "malmo")
                        .param("page", "2147483647").with(admin())),
                hostile("negative page", get("/api/community/calls").param("city", "malmo").param("page", "-1")
                        .with(admin())),
                hostile("size too large", get("/api/community/calls").param("city", "malmo").param("size", "101")
                        .with(admin())),
                hostile("no token", get("/api/community/calls").param("city", "malmo")));
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    private static MockHttpServletRequestBuilder launch(String body) {
        return post("/api/community/calls").with(teamOf("malmo")).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
