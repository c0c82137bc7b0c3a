package org.netzerocities.community.group;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** Whatever a client sends to the group routes, the answer is a 4xx problem and nothing changes, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class GroupHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    /** Only this test creates groups in this city: a refused creation would show in the count. */
    private static final String CITY = "kosice";

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;

    @TestFactory
    Stream<DynamicTest> creatingRefusesWhatItCannotUse() throws Exception {
        String member = api().register("Hostile", CITY).token();
        return Stream.of(
                hostile("no kind", create(member, "{\"name\":\"n\",\"visibility\":\"PUBLIC\",\"city\":\"kosice\"}")),
                hostile("COHORT kind", create(member, body("COHORT", "\"n\"", "\"PRIVATE\"", "\"kosice\"", "null"))),
                hostile("unknown kind", create(member, body("CLUB", "\"n\"", "\"PUBLIC\"", "\"kosice\"", "null"))),
                hostile("lower-case kind", create(member, body("city", "\"n\"", "\"PUBLIC\"", "\"kosice\"", "null"))),
                hostile("null name", create(member, body("CITY", "null", "\"PUBLIC\"", "\"kosice\"", "null"))),
                hostile("blank name", create(member, body("CITY", "\"  \"", "\"PUBLIC\"", "\"kosice\"", "null"))),
                hostile("huge name", create(member, body("CITY", "\"" + HUGE + "\"", "\"PUBLIC\"", "\"kosice\"",
                        "null"))),
                hostile("name of 81 characters", create(member, body("CITY", "\"" + "n".repeat(81) + "\"",
                        "\"PUBLIC\"", "\"kosice\"", "null"))),
                hostile("control characters in name", create(member, body("CITY", "\"" + CONTROL + "\"",
                        "\"PUBLIC\"", "\"kosice\"", "null"))),
                hostile("operator as name", create(member, body("CITY", OPERATOR, "\"PUBLIC\"", "\"kosice\"",
                        "null"))),
                hostile("array as name", create(member, body("CITY", "[\"n\"]", "\"PUBLIC\"", "\"kosice\"",
                        "null"))),
                hostile("no visibility", create(member, body("CITY", "\"n\"", "null", "\"kosice\"", "null"))),
                hostile("unknown visibility", create(member, body("CITY", "\"n\"", "\"SECRET\"", "\"kosice\"",
                        "null"))),
                hostile("city group without city", create(member, body("CITY", "\"n\"", "\"PUBLIC\"", "null",
                        "null"))),
                hostile("unknown city", create(member, body("CITY", "\"n\"", "\"PUBLIC\"", "\"atlantis\"", "null"))),
                hostile("operator as city", create(member, body("CITY", "\"n\"", "\"PUBLIC\"", OPERATOR, "null"))),
                hostile("huge city", create(member, body("CITY", "\"n\"", "\"PUBLIC\"", "\"" + HUGE + "\"",
                        "null"))),
                hostile("city group with a topic", create(member, body("CITY", "\"n\"", "\"PUBLIC\"", "\"kosice\"",
                        "\"energy\""))),
                hostile("topic group without topic", create(member, body("TOPIC", "\"n\"", "\"PUBLIC\"",
                        "\"kosice\"", "null"))),
                hostile("operator as topic", create(member, body("TOPIC", "\"n\"", "\"PUBLIC\"", "\"kosice\"",
                        OPERATOR))),
                hostile("topic with punctuation", create(member, body("TOPIC", "\"n\"", "\"PUBLIC\"", "\"kosice\"",
                        "\"<script>\""))),
                hostile("nulls in an array as topic", create(member, body("TOPIC", "\"n\"", "\"PUBLIC\"",
                        "\"kosice\"", "[null,null]"))),
                hostile("huge description", create(member, "{\"kind\":\"CITY\",\"name\":\"n\",\"visibility\":"
                        + "\"PUBLIC\",\"city\":\"kosice\",\"description\":\"" + HUGE + "\"}")),
                hostile("control characters in description", create(member, "{\"kind\":\"CITY\",\"name\":\"n\","
                        + "\"visibility\":\"PUBLIC\",\"city\":\"kosice\",\"description\":\"" + CONTROL + "\"}")),
                hostile("JSON array body", create(member, "[]")),
                hostile("JSON null body", create(member, "null")),
                hostile("empty body", create(member, "")),
                hostile("truncated JSON", create(member, "{\"kind\":\"CITY\",\"name\":\"a")),
                hostile("deeply nested JSON", create(member, "{\"name\":" + "[".repeat(5000) + "]".repeat(5000)
                        + "}")),
                hostile("plain text", post("/api/community/groups").with(bearer(member))
                        .contentType(MediaType.TEXT_PLAIN).content("hi")),
                hostile("no token", json(post("/api/community/groups"), body("CITY", "\"n\"", "\"PUBLIC\"",
                        "\"kosice\"", "null"))),
                hostile("garbage token", create(HUGE, body("CITY", "\"n\"", "\"PUBLIC\"", "\"kosice\"", "null"))),
                DynamicTest.dynamicTest("and no group was created", () -> Assertions.assertThat(mongo.count(
                        Query.query(Criteria.where(Group.CITY).is(CITY)), Group.class)).isZero()));
    }

    @TestFactory
    Stream<DynamicTest> listingRefusesWhatItCannotUse() throws Exception {
        String member = api().register("Hostile", CITY).token();
        return Stream.of(
                hostile("unknown city", list(member).param("city", "atlantis")),
                hostile("operator as city", list(member).param("city", OPERATOR)),
                hostile("operator as query key", list(member).param("city[$ne]", "")),
                hostile("repeated city", list(member).param("city", "kosice", "tartu")),
                hostile("control characters as city", list(member).param("city", "kosice\u0000")),
                hostile("huge city", list(member).param("city", HUGE)),
                hostile("operator as topic", list(member).param("topic", OPERATOR)),
                hostile("blank topic", list(member).param("topic", " ")),
                hostile("huge topic", list(member).param("topic", HUGE)),
                hostile("control characters as topic", list(member).param("topic", "energy\u0007")),
                hostile("mine not a boolean", list(member).param("mine", "perhaps")),
                hostile("page not a number", list(member).param("page", "abc")),
                hostile("negative page", list(member).param("page", "-1")),
                hostile("page whose offset overflows", list(member).param("page", "2147483647")),
                hostile("size too big", list(member).param("size", "1000")),
                hostile("size zero", list(member).param("size", "0")),
                hostile("no token", get("/api/community/groups")));
    }

    @TestFactory
    Stream<DynamicTest> groupRoutesRefuseWhatTheyCannotUse() throws Exception {
        Registered moderator = api().register("Moderator", CITY);
        Registered outsider = api().register("Outsider", CITY);
        String privateGroup = JsonPath.read(http.perform(create(moderator.token(), body("TOPIC", "\"Hostile\"",
                "\"PRIVATE\"", "null", "\"hostile-input\""))).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id");
        String mod = moderator.token();
        String out = outsider.token();
        return Stream.of(
                hostile("details: unknown group", get("/api/community/groups/{id}", "no-such-group").with(bearer(mod))),
                hostile("details: operator as id", get("/api/community/groups/{id}", OPERATOR).with(bearer(mod))),
                hostile("details: huge id", get("/api/community/groups/{id}", HUGE).with(bearer(mod))),
                hostile("details: control characters as id", get("/api/community/groups/{id}", "g\u0001")
                        .with(bearer(mod))),
                hostile("details: no token", get("/api/community/groups/{id}", privateGroup)),
                hostile("join: unknown group", post("/api/community/groups/{id}/members", OPERATOR).with(bearer(out))),
                hostile("join: huge id", post("/api/community/groups/{id}/members", HUGE).with(bearer(out))),
                hostile("join: no token", post("/api/community/groups/{id}/members", privateGroup)),
                hostile("leave: unknown group", delete("/api/community/groups/{id}/members/me", "g\u0000")
                        .with(bearer(out))),
                hostile("leave: huge id",
                        delete("/api/community/groups/{id}/members/me", HUGE).with(bearer(mod))),
                hostile("members: outsider of a private group", get("/api/community/groups/{id}/members",
                        privateGroup).with(bearer(out))),
                hostile("members: negative page", get("/api/community/groups/{id}/members", privateGroup)
                        .param("page", "-1").with(bearer(mod))),
                hostile("members: size not a number", get("/api/community/groups/{id}/members", privateGroup)
                        .param("size", OPERATOR).with(bearer(mod))),
                hostile("members: unknown group", get("/api/community/groups/{id}/members", OPERATOR)
                        .with(bearer(mod))),
                hostile("join requests: outsider", get("/api/community/groups/{id}/join-requests", privateGroup)
                        .with(bearer(out))),
                hostile("join requests: size too big", get("/api/community/groups/{id}/join-requests",
                        privateGroup).param("size", "101").with(bearer(mod))),
                hostile("moderators: outsider appoints themselves", appoint(out, privateGroup,
                        "{\"memberId\":\"" + outsider.id() + "\"}")),
                hostile("moderators: a member who is not in the group", appoint(mod, privateGroup,
                        "{\"memberId\":\"" + outsider.id() + "\"}")),
                hostile("moderators: unknown member", appoint(mod, privateGroup, "{\"memberId\":\"no-such\"}")),
                hostile("moderators: operator as member id", appoint(mod, privateGroup,
                        "{\"memberId\":" + OPERATOR + "}")),
                hostile("moderators: null member id", appoint(mod, privateGroup, "{\"memberId\":null}")),
                hostile("moderators: nulls in an array", appoint(mod, privateGroup, "{\"memberId\":[null]}")),
                hostile("moderators: huge member id", appoint(mod, privateGroup, "{\"memberId\":\"" + HUGE + "\"}")),
                hostile("moderators: empty body", appoint(mod, privateGroup, "")),
                hostile("answer: outsider", answer(out, privateGroup, outsider.id(), "{\"answer\":\"APPROVED\"}")),
                hostile("answer: no such request", answer(mod, privateGroup, outsider.id(),
                        "{\"answer\":\"APPROVED\"}")),
                hostile("answer: operator as member id", answer(mod, privateGroup, OPERATOR,
                        "{\"answer\":\"APPROVED\"}")),
                hostile("answer: huge member id", answer(mod, privateGroup, HUGE, "{\"answer\":\"APPROVED\"}")),
                hostile("answer: unknown answer", answer(mod, privateGroup, outsider.id(), "{\"answer\":\"MAYBE\"}")),
                hostile("answer: PENDING as answer", answer(mod, privateGroup, outsider.id(),
                        "{\"answer\":\"PENDING\"}")),
                hostile("answer: null answer", answer(mod, privateGroup, outsider.id(), "{\"answer\":null}")),
                hostile("answer: operator as answer", answer(mod, privateGroup, outsider.id(),
                        "{\"answer\":" + OPERATOR + "}")),
                hostile("answer: control characters as answer", answer(mod, privateGroup, outsider.id(),
                        "{\"answer\":\"" + CONTROL + "\"}")),
                hostile("answer: unknown group", answer(mod, "no-such-group", outsider.id(),
                        "{\"answer\":\"APPROVED\"}")));
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }

    private static String body(String kind, String name, String visibility, String city, String topic) {
        return "{\"kind\":\"" + kind + "\",\"name\":" + name + ",\"visibility\":" + visibility + ",\"city\":" + city
                + ",\"topic\":" + topic + "}";
    }

    private static MockHttpServletRequestBuilder create(String token, String body) {
        return json(post("/api/community/groups"), body).with(bearer(token));
    }

    private static MockHttpServletRequestBuilder list(String token) {
        return get("/api/community/groups").with(bearer(token));
    }

    private static MockHttpServletRequestBuilder appoint(String token, String id, String body) {
        return json(post("/api/community/groups/{id}/moderators", id), body).with(bearer(token));
    }

    private static MockHttpServletRequestBuilder answer(String token, String id, String memberId, String body) {
        return json(post("/api/community/groups/{id}/join-requests/{m}/answer", id, memberId), body)
                .with(bearer(token));
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }
}
