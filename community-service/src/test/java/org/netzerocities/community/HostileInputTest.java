package org.netzerocities.community;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** Whatever a client sends, the answer is a 4xx problem, never a 5xx: the service's own failures are 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class HostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";

    @Autowired
    MockMvc http;

    @Test
    void aNullAmongLanguagesIsAFieldErrorNotAFailure() throws Exception {
        http.perform(register(member("languages", "[null]")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("languages[0]"));
    }

    @TestFactory
    Stream<DynamicTest> registrationRefusesWhatItCannotUse() throws Exception {
        return Stream.of(
                hostile("null among interests", register(member("interests", "[null]"))),
                hostile("operator object as email", register(member("email", OPERATOR))),
                hostile("operator object as city", register(member("city", OPERATOR))),
                hostile("operator string as city", register(member("city", "\"{\\\"$gt\\\":\\\"\\\"}\""))),
                hostile("operator object as languages", register(member("languages", OPERATOR))),
                hostile("array as display name", register(member("displayName", "[\"Ana\"]"))),
                hostile("object as interests element", register(member("interests", "[" + OPERATOR + "]"))),
                hostile("control characters in display name", register(member("displayName", "\"" + CONTROL + "\""))),
                hostile("control characters in interests", register(member("interests", "[\"" + CONTROL + "\"]"))),
                hostile("huge display name", register(member("displayName", "\"" + HUGE + "\""))),
                hostile("huge email", register(member("email", "\"" + HUGE + "@example.org\""))),
                hostile("huge password", register(member("password", "\"" + HUGE + "\""))),
                hostile("huge city", register(member("city", "\"" + HUGE + "\""))),
                hostile("operator as call code", register(member("callCode", "\"$where\""))),
                hostile("operator object as terms version", register(member("termsVersion", OPERATOR))),
                hostile("text as terms version", register(member("termsVersion", "\"latest\""))),
                hostile("huge terms version", register(member("termsVersion", "1" + "0".repeat(40)))),
                hostile("null terms version", register(member("termsVersion", "null"))),
                hostile("operator object as age confirmation", register(member("minimumAgeConfirmed", OPERATOR))),
                hostile("text as age confirmation", register(member("minimumAgeConfirmed", "\"yes\""))),
                hostile("age not confirmed", register(member("minimumAgeConfirmed", "false"))),
                hostile("deeply nested JSON", register("{\"email\":" + "[".repeat(5000) + "]".repeat(5000) + "}")),
                hostile("JSON array body", register("[]")),
                hostile("JSON null body", register("null")),
                hostile("empty body", register("")),
                hostile("truncated JSON", register("{\"email\":\"a@b.c\",")),
                hostile("plain text", post("/api/community/members").contentType(MediaType.TEXT_PLAIN).content("hi")));
    }

    @TestFactory
    Stream<DynamicTest> logInRefusesWhatItCannotUse() {
        return Stream.of(
                hostile("operator objects as credentials",
                        logIn("{\"email\":" + OPERATOR + ",\"password\":" + OPERATOR + "}")),
                hostile("operator string as email",
                        logIn("{\"email\":\"{\\\"$ne\\\":null}\",\"password\":\"correct horse battery\"}")),
                hostile("null password", logIn("{\"email\":\"a@example.org\",\"password\":null}")),
                hostile("huge email", logIn("{\"email\":\"" + HUGE + "\",\"password\":\"correct horse battery\"}")),
                hostile("huge password", logIn("{\"email\":\"a@example.org\",\"password\":\"" + HUGE + "\"}")),
                hostile("control characters",
                        logIn("{\"email\":\"" + CONTROL + "\",\"password\":\"" + CONTROL + "\"}")),
                hostile("number as email", logIn("{\"email\":42,\"password\":\"correct horse battery\"}")));
    }

    @TestFactory
    Stream<DynamicTest> roleGrantsRefuseWhatTheyCannotUse() throws Exception {
        String admin = logInAs("admin@nzc.test", "admin-password-1");
        String member = registered("member");
        String other = JsonPath.read(registered("other"), "$.member.id");
        String memberToken = JsonPath.read(member, "$.accessToken");
        return Stream.of(
                hostile("unknown role", grant(admin, other, "{\"role\":\"WIZARD\"}")),
                hostile("null role", grant(admin, other, "{\"role\":null}")),
                hostile("array as role", grant(admin, other, "{\"role\":[\"ADMIN\"]}")),
                hostile("operator object as city",
                        grant(admin, other, "{\"role\":\"FRONTRUNNER\",\"city\":" + OPERATOR + "}")),
                hostile("control characters as city",
                        grant(admin, other, "{\"role\":\"FRONTRUNNER\",\"city\":\"" + CONTROL + "\"}")),
                hostile("huge city", grant(admin, other, "{\"role\":\"FRONTRUNNER\",\"city\":\"" + HUGE + "\"}")),
                hostile("operator as member id", grant(admin, OPERATOR, "{\"role\":\"FRONTRUNNER\"}")),
                hostile("encoded slash in member id",
                        post("/api/community/members/a%2F..%2Fb/roles").header("Authorization", "Bearer " + admin)
                                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"FRONTRUNNER\"}")),
                hostile("member granting to another member", grant(memberToken, other, "{\"role\":\"ADMIN\"}")),
                hostile("another member's profile",
                        get("/api/community/members/{id}", other).header("Authorization", "Bearer " + memberToken)),
                hostile("garbage bearer token",
                        get("/api/community/members/me").header("Authorization", "Bearer " + HUGE)));
    }

    @TestFactory
    Stream<DynamicTest> profileEditsRefuseWhatTheyCannotUse() throws Exception {
        String token = JsonPath.read(registered("editor"), "$.accessToken");
        return Stream.of(
                hostile("array as display name", edit(token, "{\"displayName\":[\"Ana\"]}")),
                hostile("null among languages", edit(token, "{\"languages\":[\"ro\",null]}")),
                hostile("operator object as city", edit(token, "{\"city\":" + OPERATOR + "}")),
                hostile("operator object as bio", edit(token, "{\"bio\":" + OPERATOR + "}")),
                hostile("operator key", edit(token, "{\"$set\":{\"roles\":[\"ADMIN\"]}}")),
                hostile("dotted key", edit(token, "{\"socialHandles.website\":\"https://a.eu\"}")),
                hostile("roles", edit(token, "{\"roles\":[{\"role\":\"ADMIN\"}]}")),
                hostile("email", edit(token, "{\"email\":\"eve@example.org\"}")),
                hostile("huge bio", edit(token, "{\"bio\":\"" + HUGE + "\"}")),
                hostile("huge key", edit(token, "{\"" + HUGE + "\":1}")),
                hostile("control characters in display name", edit(token, "{\"displayName\":\"" + CONTROL + "\"}")),
                hostile("javascript link", edit(token, "{\"socialHandles\":{\"website\":\"javascript:alert(1)\"}}")),
                hostile("number as time zone", edit(token, "{\"timeZone\":1}")),
                hostile("string as opt-in", edit(token, "{\"directoryVisible\":\"true\"}")),
                hostile("deeply nested JSON", edit(token, "{\"bio\":" + "[".repeat(5000) + "]".repeat(5000) + "}")),
                hostile("JSON array body", edit(token, "[]")),
                hostile("JSON null body", edit(token, "null")),
                hostile("empty body", edit(token, "")),
                hostile("plain text", patch("/api/community/members/me").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.TEXT_PLAIN).content("bio=x")),
                hostile("no token", patch("/api/community/members/me").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bio\":\"x\"}")));
    }

    @TestFactory
    Stream<DynamicTest> roleRevocationsAndErasureRefuseWhatTheyCannotUse() throws Exception {
        String admin = logInAs("admin@nzc.test", "admin-password-1");
        String memberToken = JsonPath.read(registered("member"), "$.accessToken");
        String other = JsonPath.read(registered("other"), "$.member.id");
        return Stream.of(
                hostile("unknown role", revoke(admin, other, "WIZARD", null)),
                hostile("the member role", revoke(admin, other, "MEMBER", null)),
                hostile("operator as city", revoke(admin, other, "FRONTRUNNER", OPERATOR)),
                hostile("huge city", revoke(admin, other, "FRONTRUNNER", HUGE)),
                hostile("control characters as city", revoke(admin, other, "FRONTRUNNER", CONTROL)),
                hostile("unknown member", revoke(admin, "no-such-member", "FACILITATOR", null)),
                hostile("operator as member id", revoke(admin, OPERATOR, "FACILITATOR", null)),
                hostile("member revoking another member's role", revoke(memberToken, other, "FRONTRUNNER", null)),
                hostile("erasure without a token", delete("/api/community/members/me")),
                hostile("erasure of another member", delete("/api/community/members/{id}", other)
                        .header("Authorization", "Bearer " + memberToken)),
                hostile("export without a token", get("/api/community/members/me/export")),
                hostile("export with a garbage token", get("/api/community/members/me/export")
                        .header("Authorization", "Bearer " + CONTROL)));
    }

    @TestFactory
    Stream<DynamicTest> cityListingRefusesWhatItCannotUse() {
        return Stream.of(
                hostile("page not a number", get("/api/community/cities").param("page", "abc")),
                hostile("page beyond int", get("/api/community/cities").param("page", "99999999999")),
                hostile("page whose offset overflows", get("/api/community/cities").param("page", "2147483647")),
                hostile("negative page", get("/api/community/cities").param("page", "-1")),
                hostile("size zero", get("/api/community/cities").param("size", "0")),
                hostile("operator as country", get("/api/community/cities").param("country", OPERATOR)),
                hostile("control characters as country", get("/api/community/cities").param("country", "R\u0000")),
                hostile("huge country", get("/api/community/cities").param("country", HUGE)));
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    /** A valid registration but for {@code field}, whose value is the raw JSON {@code value}. */
    private String member(String field, String value) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", "\"hostile-" + UUID.randomUUID() + "@example.org\"");
        fields.put("password", "\"correct horse battery\"");
        fields.put("displayName", "\"Ana Pop\"");
        fields.put("city", "\"cluj-napoca\"");
        fields.put("languages", "[\"ro\"]");
        fields.put("termsVersion", String.valueOf(CommunityApi.currentTerms(http)));
        fields.put("minimumAgeConfirmed", "true");
        fields.put(field, value);
        return fields.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static MockHttpServletRequestBuilder register(String body) {
        return post("/api/community/members").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder logIn(String body) {
        return post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder grant(String token, String memberId, String body) {
        return post("/api/community/members/{id}/roles", memberId).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder edit(String token, String body) {
        return patch("/api/community/members/me").header("Authorization", "Bearer " + token)
                .contentType("application/merge-patch+json").content(body);
    }

    private static MockHttpServletRequestBuilder revoke(String token, String memberId, String role, String city) {
        var request = delete("/api/community/members/{id}/roles/{role}", memberId, role)
                .header("Authorization", "Bearer " + token);
        return city == null ? request : request.param("city", city);
    }

    private String registered(String name) throws Exception {
        return http.perform(register(member("displayName", "\"" + name + "\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    private String logInAs(String email, String password) throws Exception {
        String body = http.perform(logIn("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.accessToken");
    }
}
