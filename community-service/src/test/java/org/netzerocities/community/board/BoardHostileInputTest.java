package org.netzerocities.community.board;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.community.CommunityApi;
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

/** Whatever a client sends to the message boards' routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";

    @Autowired
    MockMvc http;

    Registered member;
    Registered stranger;
    String group;
    String thread;
    String post;

    /** A public group with a thread, and a member of it; a stranger outside it. */
    @BeforeAll
    void board() throws Exception {
        var api = new CommunityApi(http);
        member = api.register("Hostile" + BoardFlowTest.tag(), BoardFlowTest.CITY);
        stranger = api.register("Stranger" + BoardFlowTest.tag(), BoardFlowTest.CITY);
        group = JsonPath.read(http.perform(json(post("/api/community/groups"), "{\"kind\":\"TOPIC\",\"name\":\"Hostile "
                + BoardFlowTest.tag() + "\",\"visibility\":\"PUBLIC\",\"topic\":\"energy\"}")
                .with(bearer(member.token()))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        thread = JsonPath.read(http.perform(json(post("/api/community/groups/{id}/threads", group),
                "{\"title\":\"Hostile\",\"body\":\"first\"}").with(bearer(member.token())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.thread.id");
        post = thread + ".1";
    }

    @TestFactory
    Stream<DynamicTest> startingAThreadRefusesWhatItCannotUse() {
        return bodies("title", "body", fields -> json(post("/api/community/groups/{id}/threads", group), fields)
                .with(bearer(member.token())), Stream.of(
                        hostile("no text left in the title", threadWith("\"<script>alert(1)</script>\"", "\"hi\"")),
                        hostile("title too long", threadWith("\"" + "t".repeat(BoardText.MAX_TITLE + 1) + "\"",
                                "\"hi\"")),
                        hostile("a stranger's thread", json(post("/api/community/groups/{id}/threads", group),
                                "{\"title\":\"t\",\"body\":\"b\"}").with(bearer(stranger.token()))),
                        hostile("unknown group", json(post("/api/community/groups/{id}/threads", "nope"),
                                "{\"title\":\"t\",\"body\":\"b\"}").with(bearer(member.token()))),
                        hostile("operator as group", json(post("/api/community/groups/{id}/threads", OPERATOR),
                                "{\"title\":\"t\",\"body\":\"b\"}").with(bearer(member.token())))));
    }

    @TestFactory
    Stream<DynamicTest> replyingRefusesWhatItCannotUse() {
        return bodies(null, "body", fields -> json(post("/api/community/threads/{id}/posts", thread), fields)
                .with(bearer(member.token())), Stream.of(
                        hostile("a stranger's reply", json(post("/api/community/threads/{id}/posts", thread),
                                "{\"body\":\"b\"}").with(bearer(stranger.token()))),
                        hostile("unknown thread", json(post("/api/community/threads/{id}/posts", "nope"),
                                "{\"body\":\"b\"}").with(bearer(member.token()))),
                        hostile("operator as thread", json(post("/api/community/threads/{id}/posts", OPERATOR),
                                "{\"body\":\"b\"}").with(bearer(member.token())))));
    }

    @TestFactory
    Stream<DynamicTest> editingRefusesWhatItCannotUse() {
        return bodies(null, "body", fields -> json(patch("/api/community/posts/{id}", post), fields)
                .with(bearer(member.token())), Stream.of(
                        hostile("another's post", json(patch("/api/community/posts/{id}", post), "{\"body\":\"b\"}")
                                .with(bearer(stranger.token()))),
                        hostile("unknown post", json(patch("/api/community/posts/{id}", thread + ".999"),
                                "{\"body\":\"b\"}").with(bearer(member.token()))),
                        hostile("operator as post", json(patch("/api/community/posts/{id}", OPERATOR),
                                "{\"body\":\"b\"}").with(bearer(member.token())))));
    }

    @TestFactory
    Stream<DynamicTest> reportingAndHidingRefuseWhatTheyCannotUse() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String route : List.of("reports", "hidden")) {
            bodies(null, "reason", fields -> json(post("/api/community/posts/{id}/" + route, post), fields)
                    .with(bearer(member.token())), Stream.of(
                            hostile(route + ": reason too long", json(post("/api/community/posts/{id}/" + route,
                                    post), "{\"reason\":\"" + "r".repeat(BoardRequests.MAX_REASON + 1) + "\"}")
                                    .with(bearer(member.token()))),
                            hostile(route + ": unknown post", json(post("/api/community/posts/{id}/" + route,
                                    "nope.1"), "{\"reason\":\"r\"}").with(bearer(member.token()))),
                            hostile(route + ": operator as post", json(post("/api/community/posts/{id}/" + route,
                                    OPERATOR), "{\"reason\":\"r\"}").with(bearer(member.token())))))
                    .map(test -> DynamicTest.dynamicTest(route + ": " + test.getDisplayName(), test.getExecutable()))
                    .forEach(tests::add);
        }
        tests.add(hostile("hidden: not a moderator", json(post("/api/community/posts/{id}/hidden", post),
                "{\"reason\":\"r\"}").with(bearer(stranger.token()))));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> reactingDeletingAndReadingRefuseWhatTheyCannotUse() {
        return Stream.of(
                hostile("unknown reaction", put("/api/community/posts/{id}/reactions/{k}", post, "ANGRY")
                        .with(bearer(member.token()))),
                hostile("operator as reaction", put("/api/community/posts/{id}/reactions/{k}", post, OPERATOR)
                        .with(bearer(member.token()))),
                hostile("lower-case reaction", put("/api/community/posts/{id}/reactions/{k}", post, "like")
                        .with(bearer(member.token()))),
                hostile("a stranger's reaction", put("/api/community/posts/{id}/reactions/LIKE", post)
                        .with(bearer(stranger.token()))),
                hostile("reaction to an unknown post", put("/api/community/posts/{id}/reactions/LIKE", "nope.1")
                        .with(bearer(member.token()))),
                hostile("taking back on an unknown post", delete("/api/community/posts/{id}/reactions/LIKE",
                        HUGE.substring(0, 5000)).with(bearer(member.token()))),
                hostile("deleting another's post", delete("/api/community/posts/{id}", post)
                        .with(bearer(stranger.token()))),
                hostile("deleting an unknown post", delete("/api/community/posts/{id}", "a%2F..%2Fb")
                        .with(bearer(member.token()))),
                hostile("deleting without a token", delete("/api/community/posts/{id}", post)),
                hostile("posts: before not a number", get("/api/community/threads/{id}/posts", thread)
                        .param("before", "abc").with(bearer(member.token()))),
                hostile("posts: before zero", get("/api/community/threads/{id}/posts", thread)
                        .param("before", "0").with(bearer(member.token()))),
                hostile("posts: huge before", get("/api/community/threads/{id}/posts", thread)
                        .param("before", "9".repeat(40)).with(bearer(member.token()))),
                hostile("posts: operator as before", get("/api/community/threads/{id}/posts", thread)
                        .param("before", OPERATOR).with(bearer(member.token()))),
                hostile("posts: page overflows", get("/api/community/threads/{id}/posts", thread)
                        .param("page", "2147483647").with(bearer(member.token()))),
                hostile("posts: negative page", get("/api/community/threads/{id}/posts", thread)
                        .param("page", "-1").with(bearer(member.token()))),
                hostile("posts: size too large", get("/api/community/threads/{id}/posts", thread)
                        .param("size", "101").with(bearer(member.token()))),
                hostile("posts: unknown thread", get("/api/community/threads/{id}/posts", "x\u0000")
                        .with(bearer(member.token()))),
                hostile("posts: no token", get("/api/community/threads/{id}/posts", thread)),
                hostile("threads: page not a number", get("/api/community/groups/{id}/threads", group)
                        .param("page", "abc").with(bearer(member.token()))),
                hostile("threads: size zero", get("/api/community/groups/{id}/threads", group)
                        .param("size", "0").with(bearer(member.token()))),
                hostile("threads: unknown group", get("/api/community/groups/{id}/threads", OPERATOR)
                        .with(bearer(member.token()))),
                hostile("threads: huge group id", get("/api/community/groups/{id}/threads", HUGE.substring(0, 5000))
                        .with(bearer(member.token()))),
                hostile("reports: not a moderator", get("/api/community/groups/{id}/reports", group)
                        .with(bearer(stranger.token()))),
                hostile("reports: unknown group", get("/api/community/groups/{id}/reports", "nope")
                        .with(bearer(member.token()))),
                hostile("reports: page overflows", get("/api/community/groups/{id}/reports", group)
                        .param("page", "2147483647").with(bearer(member.token()))));
    }

    /**
     * The hostile values every text field of a body is tried with (the other fields valid), then the hostile
     * bodies as a whole, then the route's own cases.
     */
    private Stream<DynamicTest> bodies(String title, String text,
            Function<String, MockHttpServletRequestBuilder> send, Stream<DynamicTest> own) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String field : title == null ? List.of(text) : List.of(title, text)) {
            for (var value : List.of(List.of("operator object", OPERATOR), List.of("array", "[\"a\"]"),
                    List.of("null", "null"), List.of("blank", "\"   \""), List.of("huge", "\"" + HUGE + "\""),
                    List.of("control characters", "\"" + CONTROL + "\""), List.of("nulls in an array", "[null]"))) {
                tests.add(hostile(field + ": " + value.get(0), send.apply(body(title, text, field, value.get(1)))));
            }
        }
        tests.add(hostile("only markup that goes", send.apply(body(title, text, text, "\"<img src=x onerror=alert(1)>\""))));
        tests.add(hostile("deeply nested JSON", send.apply("{\"" + text + "\":" + "[".repeat(5000) + "]".repeat(5000)
                + "}")));
        tests.add(hostile("JSON array body", send.apply("[]")));
        tests.add(hostile("JSON null body", send.apply("null")));
        tests.add(hostile("empty body", send.apply("")));
        tests.add(hostile("truncated JSON", send.apply("{\"" + text + "\":\"a\",")));
        tests.add(hostile("plain text", send.apply("{}").contentType(MediaType.TEXT_PLAIN)));
        tests.add(hostile("no token", send.apply(body(title, text, text, "\"fine\"")).header("Authorization",
                "Bearer " + HUGE)));
        return Stream.concat(tests.stream(), own);
    }

    private static String body(String title, String text, String field, String value) {
        StringBuilder body = new StringBuilder("{");
        if (title != null) {
            body.append('"').append(title).append("\":").append(field.equals(title) ? value : "\"A title\"")
                    .append(',');
        }
        return body.append('"').append(text).append("\":").append(field.equals(text) ? value : "\"Some text\"")
                .append('}').toString();
    }

    private MockHttpServletRequestBuilder threadWith(String title, String body) {
        return json(post("/api/community/groups/{id}/threads", group), "{\"title\":" + title + ",\"body\":" + body
                + "}").with(bearer(member.token()));
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }
}
