package org.netzerocities.community.call;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/** Who may launch and list a city's calls, what anyone may read, and what a launch must look like. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CallWebTest {

    static final String CODE_SUFFIX = "[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{5}";

    @Autowired
    MockMvc http;

    @Test
    void theCitysTransitionTeamLaunchesACallAndGetsItsCode() throws Exception {
        String closesAt = inDays(30);
        launch(teamOf("cluj-napoca"), """
                {"city":"cluj-napoca","title":"  Cluj goes solar  ","message":"Line one\\nLine two",
                 "topics":["Energy","energy"," renewable energy "],"closesAt":"%s"}""".formatted(closesAt))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/community/calls/CLUJ-" + CODE_SUFFIX)))
                .andExpect(jsonPath("$.code").value(matchesPattern("CLUJ-" + CODE_SUFFIX)))
                .andExpect(jsonPath("$.city.id").value("cluj-napoca"))
                .andExpect(jsonPath("$.city.name").value("Cluj-Napoca"))
                .andExpect(jsonPath("$.title").value("Cluj goes solar"))
                .andExpect(jsonPath("$.message").value("Line one\nLine two"))
                .andExpect(jsonPath("$.topics", contains("energy", "renewable energy")))
                .andExpect(jsonPath("$.closesAt").value(OffsetDateTime.parse(closesAt).toInstant().toString()))
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.joins").value(0))
                .andExpect(jsonPath("$.launchedBy").doesNotExist());
    }

    @Test
    void withoutACityTheCallIsForTheCallersOnlyTransitionTeamCity() throws Exception {
        launch(teamOf("malmo"), body(null)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.city.id").value("malmo"))
                .andExpect(jsonPath("$.code").value(matchesPattern("MALMO-" + CODE_SUFFIX)));
        launch(caller(List.of(), "cluj-napoca", "malmo"), body(null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("city"));
        launch(admin(), body(null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("city"));
    }

    @Test
    void onlyTheCitysTransitionTeamOrAnAdminLaunchesItsCalls() throws Exception {
        launch(teamOf("malmo"), body("cluj-napoca")).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        launch(caller(List.of("MEMBER")), body("cluj-napoca")).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        launch(frontrunnerOf("cluj-napoca"), body("cluj-napoca")).andExpect(status().isForbidden());
        http.perform(post("/api/community/calls").contentType(MediaType.APPLICATION_JSON).content(body("cluj-napoca")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        launch(admin(), body("cluj-napoca")).andExpect(status().isCreated());
        launch(admin(), body("atlantis")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("city"));
    }

    @Test
    void anyoneReadsACallByItsCodeInAnyCase() throws Exception {
        String code = code(launch(teamOf("cluj-napoca"), body("cluj-napoca")));

        http.perform(get("/api/community/calls/{code}", code.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.city.name").value("Cluj-Napoca"))
                .andExpect(jsonPath("$.title").value("Join the mission"))
                .andExpect(jsonPath("$.open").value(true))
                .andExpect(jsonPath("$.joins").value(0))
                .andExpect(jsonPath("$.launchedBy").doesNotExist());
        http.perform(get("/api/community/calls/{code}", "CLUJ-22222"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(get("/api/community/calls/{code}", "not a code"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCitysTransitionTeamAndAdminsListItsCallsNewestFirst() throws Exception {
        String city = "la-louviere";
        String first = code(launch(teamOf(city), body(city)));
        String second = code(launch(teamOf(city), body(city)));

        http.perform(get("/api/community/calls").param("city", city).with(teamOf(city)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].code").value(second))
                .andExpect(jsonPath("$.items[1].code").value(first))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        http.perform(get("/api/community/calls").param("city", city).param("size", "1").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].code").value(second));
        http.perform(get("/api/community/calls").param("city", city).with(teamOf("malmo")))
                .andExpect(status().isForbidden());
        http.perform(get("/api/community/calls").param("city", city).with(caller(List.of("MEMBER"))))
                .andExpect(status().isForbidden());
        http.perform(get("/api/community/calls").param("city", city)).andExpect(status().isUnauthorized());
        http.perform(get("/api/community/calls").with(admin())).andExpect(status().isBadRequest());
    }

    @Test
    void theClosingDateIsAnInstantWithOffsetWithinTheNextYear() throws Exception {
        launch(teamOf("malmo"), withClosesAt("2020-01-01T00:00:00Z")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("closesAt"));
        launch(teamOf("malmo"), withClosesAt(inDays(367))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("closesAt"));
        launch(teamOf("malmo"), withClosesAt(inDays(30).replace("Z", ""))).andExpect(status().isBadRequest());
        launch(teamOf("malmo"), withClosesAt("next week")).andExpect(status().isBadRequest());
        String withOffset = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(3).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        launch(teamOf("malmo"), withClosesAt(withOffset)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.closesAt").value(OffsetDateTime.parse(withOffset).toInstant().toString()));
    }

    @Test
    void titleAndMessageArePlainTextOfBoundedLength() throws Exception {
        launch(teamOf("malmo"), with("title", "\"" + "t".repeat(121) + "\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        launch(teamOf("malmo"), with("title", "\"Two\\nlines\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        launch(teamOf("malmo"), with("title", "\"   \"")).andExpect(status().isBadRequest());
        launch(teamOf("malmo"), with("message", "\"" + "m".repeat(2001) + "\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        launch(teamOf("malmo"), with("message", "\"tab\\there\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        launch(teamOf("malmo"), with("message", "\"Windows\\r\\nline breaks\"")).andExpect(status().isCreated());
        launch(teamOf("malmo"), with("topics", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("topics"));
        launch(teamOf("malmo"), with("topics", "[\"<b>energy</b>\"]")).andExpect(status().isBadRequest());
        launch(teamOf("malmo"), with("topics", "[\"\"]")).andExpect(status().isBadRequest());
        launch(teamOf("malmo"), with("title", "\"" + "t".repeat(120) + "\"")).andExpect(status().isCreated());
    }

    ResultActions launch(RequestPostProcessor caller, String body) throws Exception {
        return http.perform(post("/api/community/calls").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    static String code(ResultActions launched) throws Exception {
        return JsonPath.read(launched.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.code");
    }

    static String body(String city) {
        return (city == null ? "{" : "{\"city\":\"" + city + "\",") + """
                "title":"Join the mission","message":"Come along","topics":["energy"],"closesAt":"%s"}"""
                .formatted(inDays(30));
    }

    static String withClosesAt(String closesAt) {
        return with("closesAt", "\"" + closesAt + "\"");
    }

    /** A valid launch for Malmö but for {@code field}, whose value is the raw JSON {@code value}. */
    static String with(String field, String value) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("city", "\"malmo\"");
        fields.put("title", "\"Join the mission\"");
        fields.put("message", "\"Come along\"");
        fields.put("topics", "[\"energy\"]");
        fields.put("closesAt", "\"" + inDays(30) + "\"");
        fields.put(field, value);
        return fields.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static RequestPostProcessor teamOf(String city) {
        return caller(List.of("MEMBER"), city);
    }

    static RequestPostProcessor admin() {
        return caller(List.of("MEMBER", "ADMIN"));
    }

    static RequestPostProcessor frontrunnerOf(String city) {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("roles", List.of("MEMBER"))
                .claim("grants", List.of(Map.of("role", "FRONTRUNNER", "city", city))));
    }

    /** A bearer token of a new member with these global roles and the transition team of these cities. */
    static RequestPostProcessor caller(List<String> roles, String... teamCities) {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("roles", roles)
                .claim("grants", java.util.Arrays.stream(teamCities)
                        .map(city -> Map.of("role", "TRANSITION_TEAM", "city", city)).toList()));
    }
}
