package org.netzerocities.campaign.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.testsupport.HostileRequests.spoiled;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.testsupport.MemberTokens;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whatever a client sends to the engagement-plan routes, the answer is a 4xx problem, never a 5xx, and the plan
 * stays as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class EngagementPlanHostileInputTest extends PlanApi {

    private static final String HUGE = "\"" + "x".repeat(200_000) + "\"";
    private static final String CONTROL = "\"Caf\\u0000\\u0007\\u001b[31m\"";
    private static final String C1_CONTROL = "\"Caf\\u0085\\u009b31m\"";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    private static final String OPERATOR_STRING = "\"{\\\"$gt\\\":\\\"\\\"}\"";

    private static Map<String, String> validPlan(String revision) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "\"Talks\"");
        fields.put("goals", "\"Reach 200 neighbours\\nand more\"");
        fields.put("audience", "\"Pensioners\"");
        fields.put("channels", "[\"Instagram @ana\"]");
        fields.put("actions", "[" + action("\"" + today().plusDays(3) + "\"") + "]");
        fields.put("contentLinks", "[\"https://netzerocities.eu/mission\"]");
        if (revision != null) {
            fields.put("revision", revision);
        }
        return fields;
    }

    private static String action(String dueOn) {
        return "{\"title\":\"Talk\",\"dueOn\":" + dueOn + "}";
    }

    private static String many(String item, int count) {
        return "[" + String.join(",", Collections.nCopies(count, item)) + "]";
    }

    /** The hostile variants of a plan's body, for writing and replacing alike. */
    private static Stream<Map.Entry<String, String>> spoiledPlans(Map<String, String> valid) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("no title", spoiled(valid, "title", "null"));
        bodies.put("blank title", spoiled(valid, "title", "\"   \""));
        bodies.put("huge title", spoiled(valid, "title", HUGE));
        bodies.put("title of 201 characters", spoiled(valid, "title", "\"" + "x".repeat(201) + "\""));
        bodies.put("control characters in title", spoiled(valid, "title", CONTROL));
        bodies.put("C1 control characters in title", spoiled(valid, "title", C1_CONTROL));
        bodies.put("line break in title", spoiled(valid, "title", "\"a\\nb\""));
        bodies.put("operator as title", spoiled(valid, "title", OPERATOR));
        bodies.put("title as array", spoiled(valid, "title", "[\"Talks\"]"));
        bodies.put("huge goals", spoiled(valid, "goals", HUGE));
        bodies.put("goals of 2001 characters", spoiled(valid, "goals", "\"" + "x".repeat(2001) + "\""));
        bodies.put("control characters in goals", spoiled(valid, "goals", CONTROL));
        bodies.put("operator as audience", spoiled(valid, "audience", OPERATOR));
        bodies.put("null among channels", spoiled(valid, "channels", "[\"Instagram\",null]"));
        bodies.put("blank channel", spoiled(valid, "channels", "[\" \"]"));
        bodies.put("operator among channels", spoiled(valid, "channels", "[" + OPERATOR + "]"));
        bodies.put("21 channels", spoiled(valid, "channels", many("\"Instagram\"", 21)));
        bodies.put("channels as string", spoiled(valid, "channels", "\"Instagram\""));
        bodies.put("null among actions", spoiled(valid, "actions", "[null]"));
        bodies.put("51 actions", spoiled(valid, "actions", many(action("\"" + today() + "\""), 51)));
        bodies.put("action without date", spoiled(valid, "actions", "[{\"title\":\"Talk\"}]"));
        bodies.put("action dated 2020", spoiled(valid, "actions", "[" + action("\"2020-06-01\"") + "]"));
        bodies.put("action dated 9999", spoiled(valid, "actions", "[" + action("\"9999-12-31\"") + "]"));
        bodies.put("action dated 30 February", spoiled(valid, "actions", "[" + action("\"2027-02-30\"") + "]"));
        bodies.put("action date as number", spoiled(valid, "actions", "[" + action("20270101") + "]"));
        bodies.put("action date as operator", spoiled(valid, "actions", "[" + action(OPERATOR) + "]"));
        bodies.put("action with an unknown id", spoiled(valid, "actions",
                "[{\"id\":\"0c3f7a6e-aaaa-bbbb-cccc-000000000000\",\"title\":\"Talk\",\"dueOn\":\"" + today()
                        + "\"}]"));
        bodies.put("action with an operator id", spoiled(valid, "actions",
                "[{\"id\":" + OPERATOR_STRING + ",\"title\":\"Talk\",\"dueOn\":\"" + today() + "\"}]"));
        bodies.put("action with huge title", spoiled(valid, "actions",
                "[{\"title\":" + HUGE + ",\"dueOn\":\"" + today() + "\"}]"));
        bodies.put("actions as object", spoiled(valid, "actions", OPERATOR));
        bodies.put("javascript link", spoiled(valid, "contentLinks", "[\"javascript:alert(1)\"]"));
        bodies.put("plain http link", spoiled(valid, "contentLinks", "[\"http://netzerocities.eu/\"]"));
        bodies.put("link with credentials", spoiled(valid, "contentLinks", "[\"https://user:pw@netzerocities.eu/\"]"));
        bodies.put("link without host", spoiled(valid, "contentLinks", "[\"https://:443/x\"]"));
        bodies.put("link with a space", spoiled(valid, "contentLinks", "[\"https://netzerocities.eu/a b\"]"));
        bodies.put("link with control characters", spoiled(valid, "contentLinks",
                "[\"https://netzerocities.eu/\\u0000\"]"));
        bodies.put("null among links", spoiled(valid, "contentLinks", "[null]"));
        bodies.put("huge link", spoiled(valid, "contentLinks", "[" + HUGE.replaceFirst("x", "https://a/") + "]"));
        bodies.put("JSON array body", "[]");
        bodies.put("empty body", "");
        bodies.put("not JSON", "{title: Talks");
        return bodies.entrySet().stream();
    }

    @TestFactory
    Stream<DynamicTest> writingAPlanRefusesWhatItCannotUse() {
        String city = freshCity();
        String ana = citizenOf(city);
        Map<String, String> valid = validPlan(null);
        Stream<DynamicTest> bodies = spoiledPlans(valid).map(body -> hostile(body.getKey(), writing(ana, city,
                body.getValue())));
        Stream<DynamicTest> subjects = MemberTokens.HOSTILE_SUBJECTS.stream().map(subject -> hostile(
                "writing as " + MemberTokens.testName(subject), post("/api/campaigns/engagement-plans")
                        .with(frontrunner(subject, city)).contentType(MediaType.APPLICATION_JSON)
                        .content(spoiled(valid, "title", "\"x\""))));
        return Stream.of(bodies, subjects, Stream.of(
                hostile("a frontrunner of another city", writing(ana, freshCity(), spoiled(valid, "title", "\"x\""))),
                hostile("a transition team member", post("/api/campaigns/engagement-plans")
                        .with(transitionTeam(city)).contentType(MediaType.APPLICATION_JSON)
                        .content(spoiled(valid, "title", "\"x\""))),
                hostile("no token", post("/api/campaigns/engagement-plans").contentType(MediaType.APPLICATION_JSON)
                        .content(spoiled(valid, "title", "\"x\""))),
                hostile("XML body", post("/api/campaigns/engagement-plans").with(frontrunner(ana, city))
                        .contentType(MediaType.APPLICATION_XML).content("<plan/>"))))
                .flatMap(tests -> tests)
                .onClose(() -> assertThat(mongo.count(Query.query(Criteria.where(EngagementPlan.MEMBER_ID).is(ana)),
                        EngagementPlan.class)).isZero());
    }

    @TestFactory
    Stream<DynamicTest> replacingAPlanRefusesWhatItCannotUseAndKeepsThePlan() throws Exception {
        String city = freshCity();
        String ana = citizenOf(city);
        String planId = plan(ana, city);
        String ben = citizenOf(city);
        Map<String, String> valid = validPlan("0");
        Stream<DynamicTest> bodies = spoiledPlans(valid).map(body -> hostile(body.getKey(),
                replacing(ana, city, planId, body.getValue())));
        return Stream.concat(bodies, Stream.of(
                hostile("no revision", replacing(ana, city, planId, spoiled(valid, "revision", "null"))),
                hostile("stale revision", replacing(ana, city, planId, spoiled(valid, "revision", "7"))),
                hostile("revision as string", replacing(ana, city, planId, spoiled(valid, "revision", "\"zero\""))),
                hostile("operator as revision", replacing(ana, city, planId, spoiled(valid, "revision", OPERATOR))),
                hostile("huge revision", replacing(ana, city, planId,
                        spoiled(valid, "revision", "99999999999999999999999"))),
                hostile("another member's plan", replacing(ben, city, planId, spoiled(valid, "title", "\"Mine\""))),
                hostile("unknown plan", replacing(ana, city, "no-such-plan", spoiled(valid, "title", "\"x\""))),
                hostile("operator as plan id", replacing(ana, city, OPERATOR, spoiled(valid, "title", "\"x\""))),
                hostile("no token", put("/api/campaigns/engagement-plans/{id}", planId)
                        .contentType(MediaType.APPLICATION_JSON).content(spoiled(valid, "title", "\"x\"")))))
                .onClose(() -> assertThat(mongo.findById(planId, EngagementPlan.class).revision()).isZero());
    }

    @TestFactory
    Stream<DynamicTest> progressOnAnActionRefusesWhatItCannotUse() throws Exception {
        String city = freshCity();
        String ana = citizenOf(city);
        String planId = plan(ana, city);
        String actionId = firstActionId(planId);
        String ben = citizenOf(city);
        return Stream.of(
                hostile("unknown status", progressing(ana, city, planId, actionId, "{\"status\":\"SECRET\"}")),
                hostile("status in lower case", progressing(ana, city, planId, actionId, "{\"status\":\"done\"}")),
                hostile("operator as status", progressing(ana, city, planId, actionId, "{\"status\":" + OPERATOR
                        + "}")),
                hostile("status as array", progressing(ana, city, planId, actionId, "{\"status\":[\"DONE\"]}")),
                hostile("neither status nor note", progressing(ana, city, planId, actionId, "{}")),
                hostile("blank note", progressing(ana, city, planId, actionId, "{\"note\":\"  \"}")),
                hostile("huge note", progressing(ana, city, planId, actionId, "{\"note\":" + HUGE + "}")),
                hostile("note of 2001 characters", progressing(ana, city, planId, actionId,
                        "{\"note\":\"" + "x".repeat(2001) + "\"}")),
                hostile("control characters in note", progressing(ana, city, planId, actionId,
                        "{\"note\":" + CONTROL + "}")),
                hostile("operator as note", progressing(ana, city, planId, actionId, "{\"note\":" + OPERATOR + "}")),
                hostile("unknown action", progressing(ana, city, planId, "no-such-action", "{\"status\":\"DONE\"}")),
                hostile("operator as action id", progressing(ana, city, planId, OPERATOR, "{\"status\":\"DONE\"}")),
                hostile("another member's plan", progressing(ben, city, planId, actionId, "{\"status\":\"DONE\"}")),
                hostile("unknown plan", progressing(ana, city, "no-such-plan", actionId, "{\"status\":\"DONE\"}")),
                hostile("JSON array body", progressing(ana, city, planId, actionId, "[]")),
                hostile("no token", patch("/api/campaigns/engagement-plans/{id}/actions/{actionId}", planId,
                        actionId).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DONE\"}")))
                .onClose(() -> assertThat(mongo.findById(planId, EngagementPlan.class).revision()).isZero());
    }

    @TestFactory
    Stream<DynamicTest> readingAndSharingPlansRefuseWhatTheyCannotUse() throws Exception {
        String city = freshCity();
        String ana = citizenOf(city);
        String planId = plan(ana, city);
        String ben = citizenOf(city);
        Stream<DynamicTest> subjects = MemberTokens.HOSTILE_SUBJECTS.stream().map(subject -> hostile(
                "reading as " + MemberTokens.testName(subject), get("/api/campaigns/engagement-plans/{id}", planId)
                        .with(frontrunner(subject, city))));
        return Stream.concat(subjects, Stream.of(
                hostile("another member's plan", get("/api/campaigns/engagement-plans/{id}", planId)
                        .with(frontrunner(ben, city))),
                hostile("the city's transition team reading an unshared plan", get(
                        "/api/campaigns/engagement-plans/{id}", planId).with(transitionTeam(city))),
                hostile("unknown plan", get("/api/campaigns/engagement-plans/{id}", "no-such-plan")
                        .with(frontrunner(ana, city))),
                hostile("operator as plan id", get("/api/campaigns/engagement-plans/{id}", OPERATOR)
                        .with(frontrunner(ana, city))),
                hostile("regular expression as plan id", get("/api/campaigns/engagement-plans/{id}", ".*")
                        .with(frontrunner(ana, city))),
                hostile("size too big", get("/api/campaigns/engagement-plans/mine").param("size", "1000")
                        .with(frontrunner(ana, city))),
                hostile("negative page", get("/api/campaigns/engagement-plans/mine").param("page", "-1")
                        .with(frontrunner(ana, city))),
                hostile("page not a number", get("/api/campaigns/engagement-plans/mine").param("page", "abc")
                        .with(frontrunner(ana, city))),
                hostile("huge page", get("/api/campaigns/engagement-plans/mine").param("page", "999999999999")
                        .with(frontrunner(ana, city))),
                hostile("mine without token", get("/api/campaigns/engagement-plans/mine")),
                hostile("sharing another member's plan", post("/api/campaigns/engagement-plans/{id}/sharing",
                        planId).with(frontrunner(ben, city))),
                hostile("sharing as a frontrunner of another city", post(
                        "/api/campaigns/engagement-plans/{id}/sharing", planId).with(frontrunner(ana, freshCity()))),
                hostile("sharing an unknown plan", post("/api/campaigns/engagement-plans/{id}/sharing",
                        "no-such-plan").with(frontrunner(ana, city))),
                hostile("sharing an operator id", post("/api/campaigns/engagement-plans/{id}/sharing", OPERATOR)
                        .with(frontrunner(ana, city))),
                hostile("sharing without token", post("/api/campaigns/engagement-plans/{id}/sharing", planId)),
                hostile("a transition team member of another city", get(
                        "/api/campaigns/cities/{city}/engagement-plans", city).with(transitionTeam(freshCity()))),
                hostile("a frontrunner of the city", get("/api/campaigns/cities/{city}/engagement-plans", city)
                        .with(frontrunner(ana, city))),
                hostile("operator as city", get("/api/campaigns/cities/{city}/engagement-plans", OPERATOR)
                        .with(admin())),
                hostile("huge city", get("/api/campaigns/cities/{city}/engagement-plans", "x".repeat(5000))
                        .with(admin())),
                hostile("city list size too big", get("/api/campaigns/cities/{city}/engagement-plans", city)
                        .param("size", "101").with(transitionTeam(city))),
                hostile("city list without token", get("/api/campaigns/cities/{city}/engagement-plans", city))))
                .onClose(() -> assertThat(mongo.findById(planId, EngagementPlan.class).sharedWith()).isNull());
    }

    private DynamicTest hostile(String name, RequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }

    private static MockHttpServletRequestBuilder writing(String memberId, String city, String body) {
        return post("/api/campaigns/engagement-plans").with(frontrunner(memberId, city))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder replacing(String memberId, String city, String planId, String body) {
        return put("/api/campaigns/engagement-plans/{id}", planId).with(frontrunner(memberId, city))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder progressing(String memberId, String city, String planId,
            String actionId, String body) {
        return patch("/api/campaigns/engagement-plans/{id}/actions/{actionId}", planId, actionId)
                .with(frontrunner(memberId, city)).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
