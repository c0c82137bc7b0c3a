package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.community.member.MemberRegistrationTest.registration;
import static org.netzerocities.community.member.MemberRegistrationTest.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Roles granted through the API take effect in the member's next token. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class RoleGrantTest {

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MemberRepository members;
    @Autowired
    RetiredRoles retiredRoles;

    @Test
    void aMemberStoredWithARetiredChannelRoleIsReadableAgainAfterStartUp() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("email", unique("legacy")).append("passwordHash", "{noop}x")
                .append("displayName", "Legacy").append("city", "cluj-napoca")
                .append("roles", List.of(new Document("role", "MEMBER"), new Document("role", "LEADERSHIP_TEAM")))
                .append("languages", List.of("ro")).append("interests", List.of()).append("directoryVisible", false)
                .append("joinedAt", new java.util.Date()).append("version", 0L), "members");

        retiredRoles.run(null);

        assertThat(members.findById(id)).get().extracting(Member::roles).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).containsExactly(RoleGrant.global(Role.MEMBER));
    }

    @Test
    void adminAppointsATransitionTeamWhichMakesALocalFrontrunner() throws Exception {
        String admin = logIn("admin@nzc.test", "admin-password-1");
        Registered team = register(unique("team"), "cluj-napoca");
        Registered citizen = register(unique("citizen"), "cluj-napoca");
        Registered elsewhere = register(unique("elsewhere"), "malmo");

        grant(admin, team.id(), "{\"role\":\"TRANSITION_TEAM\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[?(@.role=='TRANSITION_TEAM')].city").value("cluj-napoca"));
        // the old token does not carry the new role yet
        grant(team.token(), citizen.id(), "{\"role\":\"FRONTRUNNER\"}").andExpect(status().isForbidden());

        String teamToken = logIn(team.email(), "correct horse battery");
        grant(teamToken, citizen.id(), "{\"role\":\"FRONTRUNNER\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[?(@.role=='FRONTRUNNER')].city").value("cluj-napoca"));
        grant(teamToken, elsewhere.id(), "{\"role\":\"FRONTRUNNER\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/forbidden"));
        grant(teamToken, citizen.id(), "{\"role\":\"ADMIN\"}").andExpect(status().isForbidden());
    }

    @Test
    void aFrontrunnerOfACityCannotActAsItsTransitionTeamOrAsAnAdmin() throws Exception {
        String admin = logIn("admin@nzc.test", "admin-password-1");
        Registered frontrunner = register(unique("frontrunner"), "cluj-napoca");
        Registered citizen = register(unique("citizen"), "cluj-napoca");
        grant(admin, frontrunner.id(), "{\"role\":\"FRONTRUNNER\"}").andExpect(status().isOk());

        String token = logIn(frontrunner.email(), "correct horse battery");
        grant(token, citizen.id(), "{\"role\":\"FRONTRUNNER\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/forbidden"));
        grant(token, citizen.id(), "{\"role\":\"TRANSITION_TEAM\",\"city\":\"cluj-napoca\"}")
                .andExpect(status().isForbidden());
        grant(token, citizen.id(), "{\"role\":\"ADMIN\"}").andExpect(status().isForbidden());
        // nor can it learn which member ids exist
        grant(token, "no-such-member", "{\"role\":\"FRONTRUNNER\"}").andExpect(status().isForbidden());
        grant(citizen.token(), "no-such-member", "{\"role\":\"FRONTRUNNER\"}").andExpect(status().isForbidden());
    }

    @Test
    void cityBoundRolesTravelAsGrantsOfTheirCityAndNeverAsGlobalRoles() throws Exception {
        String admin = logIn("admin@nzc.test", "admin-password-1");
        Registered team = register(unique("team"), "malmo");
        grant(admin, team.id(), "{\"role\":\"TRANSITION_TEAM\"}").andExpect(status().isOk());
        grant(admin, team.id(), "{\"role\":\"FRONTRUNNER\",\"city\":\"cluj-napoca\"}").andExpect(status().isOk());
        grant(admin, team.id(), "{\"role\":\"FACILITATOR\"}").andExpect(status().isOk());

        String claims = claimsOf(logIn(team.email(), "correct horse battery"));

        assertThat(JsonPath.<List<String>>read(claims, "$.roles")).containsExactly("MEMBER", "FACILITATOR");
        assertThat(JsonPath.<List<Map<String, String>>>read(claims, "$.grants")).containsExactly(
                Map.of("role", "FRONTRUNNER", "city", "cluj-napoca"),
                Map.of("role", "TRANSITION_TEAM", "city", "malmo"));
        assertThat(JsonPath.<String>read(claims, "$.sub")).isEqualTo(team.id());
    }

    @Test
    void grantingToAnUnknownMemberOrAnUnknownRoleIsAClientError() throws Exception {
        String admin = logIn("admin@nzc.test", "admin-password-1");

        grant(admin, "no-such-member", "{\"role\":\"FACILITATOR\"}").andExpect(status().isNotFound());
        grant(admin, register(unique("r"), "malmo").id(), "{\"role\":\"WIZARD\"}").andExpect(status().isBadRequest());
    }

    private static String claimsOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private org.springframework.test.web.servlet.ResultActions grant(String token, String memberId, String body)
            throws Exception {
        return http.perform(post("/api/community/members/{id}/roles", memberId)
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private Registered register(String email, String city) throws Exception {
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                .content(registration(http, email, city))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return new Registered(JsonPath.read(body, "$.member.id"), email, JsonPath.read(body, "$.accessToken"));
    }

    private String logIn(String email, String password) throws Exception {
        String body = http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.accessToken");
    }

    record Registered(String id, String email, String token) {
    }
}
