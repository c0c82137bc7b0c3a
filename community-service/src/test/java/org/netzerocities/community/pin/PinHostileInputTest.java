package org.netzerocities.community.pin;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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

/** Whatever a client sends to the shared board's routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class PinHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    private static final String VALID = """
            {"kind":"RESOURCE","title":"A guide","url":"https://example.org/guide","tags":["energy"]}""";

    private static final Map<String, String> VALID_FIELDS = Map.of("kind", "\"RESOURCE\"", "title", "\"A guide\"",
            "url", "\"https://example.org/guide\"", "tags", "[\"energy\"]");

    @Autowired
    MockMvc http;

    @TestFactory
    Stream<DynamicTest> pinningRefusesWhatItCannotUse() throws Exception {
        String member = api().register("Ana", "aarhus").token();
        List<DynamicTest> tests = new ArrayList<>(List.of(
                hostile("operator object as url", pin(member, with("url", OPERATOR))),
                hostile("operator object as title", pin(member, with("title", OPERATOR))),
                hostile("operator object as city", pin(member, with("city", OPERATOR))),
                hostile("operator string as city", pin(member, with("city", "\"$ne\""))),
                hostile("operator object as tags", pin(member, with("tags", OPERATOR))),
                hostile("operator object among tags", pin(member, with("tags", "[" + OPERATOR + "]"))),
                hostile("operator string as tag", pin(member, with("tags", "[\"$gt\"]"))),
                hostile("null among tags", pin(member, with("tags", "[\"energy\",null]"))),
                hostile("number as tags", pin(member, with("tags", "42"))),
                hostile("eleven tags", pin(member, with("tags", "[" + "\"t\",".repeat(10) + "\"t\"]"))),
                hostile("huge tag", pin(member, with("tags", "[\"" + HUGE + "\"]"))),
                hostile("control characters in a tag", pin(member, with("tags", "[\"" + CONTROL + "\"]"))),
                hostile("array as title", pin(member, with("title", "[\"A\"]"))),
                hostile("no title", pin(member, with("title", "null"))),
                hostile("blank title", pin(member, with("title", "\"   \""))),
                hostile("huge title", pin(member, with("title", "\"" + HUGE + "\""))),
                hostile("control characters in title", pin(member, with("title", "\"" + CONTROL + "\""))),
                hostile("line break in title", pin(member, with("title", "\"a\\nb\""))),
                hostile("huge description", pin(member, with("description", "\"" + HUGE + "\""))),
                hostile("control characters in description", pin(member, with("description", "\"" + CONTROL + "\""))),
                hostile("unknown kind", pin(member, with("kind", "\"VIDEO\""))),
                hostile("no kind", pin(member, with("kind", "null"))),
                hostile("unknown city", pin(member, with("city", "\"atlantis\""))),
                hostile("huge city", pin(member, with("city", "\"" + HUGE + "\""))),
                hostile("no url", pin(member, with("url", "null"))),
                hostile("number as url", pin(member, with("url", "42"))),
                hostile("huge url", pin(member, with("url", "\"https://example.org/" + HUGE + "\""))),
                hostile("huge host", pin(member, with("url", "\"https://" + "a".repeat(3000) + ".org/\""))),
                hostile("control characters in url", pin(member, with("url", "\"https://example.org/" + CONTROL + "\""))),
                hostile("JSON array body", pin(member, "[]")),
                hostile("JSON null body", pin(member, "null")),
                hostile("empty body", pin(member, "")),
                hostile("truncated JSON", pin(member, "{\"kind\":\"RESOURCE\",")),
                hostile("deeply nested JSON", pin(member, "{\"tags\":" + "[".repeat(5000) + "]".repeat(5000) + "}")),
                hostile("plain text", post("/api/community/pins").with(bearer(member))
                        .contentType(MediaType.TEXT_PLAIN).content("hi")),
                hostile("no token", json(post("/api/community/pins"), VALID)),
                hostile("garbage token", pin(HUGE, VALID))));
        for (String url : List.of("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "/relative",
                "//example.org/x", "https://user:pw@example.org/", "https://localhost/", "https://127.0.0.1/",
                "ftp://example.org/")) {
            tests.add(hostile("url " + url, pin(member, with("url", "\"" + url + "\""))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theBoardRefusesWhatItCannotUse() throws Exception {
        String member = api().register("Ana", "aarhus").token();
        return Stream.of(
                hostile("unknown city", board(member).param("city", "atlantis")),
                hostile("operator as city", board(member).param("city", OPERATOR)),
                hostile("huge city", board(member).param("city", HUGE)),
                hostile("control characters as city", board(member).param("city", "aarhus\u0000")),
                hostile("operator as tag", board(member).param("tag", OPERATOR)),
                hostile("operator string as tag", board(member).param("tag", "$ne")),
                hostile("regular expression as tag", board(member).param("tag", ".*")),
                hostile("huge tag", board(member).param("tag", HUGE)),
                hostile("control characters as tag", board(member).param("tag", "energy\u0000")),
                hostile("empty tag", board(member).param("tag", "")),
                hostile("page not a number", board(member).param("page", "abc")),
                hostile("negative page", board(member).param("page", "-1")),
                hostile("page whose offset overflows", board(member).param("page", "2147483647")),
                hostile("size too big", board(member).param("size", "1000")),
                hostile("size zero", board(member).param("size", "0")),
                hostile("no token", get("/api/community/pins")));
    }

    @TestFactory
    Stream<DynamicTest> pinRoutesRefuseUnknownAndOthersPins() throws Exception {
        Registered author = api().register("Ana", "aarhus");
        String other = api().register("Bo", "aarhus").token();
        String id = JsonPath.read(http.perform(json(post("/api/community/pins"), VALID).with(bearer(author.token())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String admin = api().admin();
        List<DynamicTest> tests = new ArrayList<>();
        for (String bad : List.of("no-such-pin", OPERATOR, HUGE, "p\u0001", "..%2F..")) {
            tests.add(hostile("read " + label(bad), get("/api/community/pins/{id}", bad).with(bearer(admin))));
            tests.add(hostile("delete " + label(bad), delete("/api/community/pins/{id}", bad).with(bearer(admin))));
            tests.add(hostile("feature " + label(bad), post("/api/community/pins/{id}/featured", bad)
                    .with(bearer(admin))));
            tests.add(hostile("unfeature " + label(bad), delete("/api/community/pins/{id}/featured", bad)
                    .with(bearer(admin))));
        }
        tests.add(hostile("delete another member's pin", delete("/api/community/pins/{id}", id).with(bearer(other))));
        tests.add(hostile("feature as a member", post("/api/community/pins/{id}/featured", id).with(bearer(other))));
        tests.add(hostile("feature as the author", post("/api/community/pins/{id}/featured", id)
                .with(bearer(author.token()))));
        tests.add(hostile("feature a plain member's pin as admin", post("/api/community/pins/{id}/featured", id)
                .with(bearer(admin))));
        tests.add(hostile("unfeature as a member", delete("/api/community/pins/{id}/featured", id)
                .with(bearer(other))));
        tests.add(hostile("delete without a token", delete("/api/community/pins/{id}", id)));
        return tests.stream();
    }

    private static String label(String value) {
        return value.length() > 20 ? "huge id" : "id " + value;
    }

    private static String with(String field, String value) {
        return HostileRequests.spoiled(VALID_FIELDS, field, value);
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }

    private static MockHttpServletRequestBuilder pin(String token, String body) {
        return json(post("/api/community/pins"), body).with(bearer(token));
    }

    private static MockHttpServletRequestBuilder board(String token) {
        return get("/api/community/pins").with(bearer(token));
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }
}
