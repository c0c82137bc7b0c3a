package org.netzerocities.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Real signed tokens through the resource server: the caller a controller gets and what the policies allow. */
@SpringBootTest(classes = ProbeApplication.class)
@AutoConfigureMockMvc
class CallerAccessTest {

    static final Map<String, String> TEAM_OF_CLUJ = Map.of("role", "TRANSITION_TEAM", "city", "cluj-napoca");
    static final Map<String, String> FRONTRUNNER_OF_CLUJ = Map.of("role", "FRONTRUNNER", "city", "cluj-napoca");

    @Autowired
    MockMvc http;

    @Test
    void controllersGetTheCallerReadFromTheToken() throws Exception {
        call("/probe/me", Map.of("sub", "m-1", "roles", List.of("MEMBER"), "grants", List.of(TEAM_OF_CLUJ)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value("m-1"))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("MEMBER")))
                .andExpect(jsonPath("$.grants[0].role").value("TRANSITION_TEAM"))
                .andExpect(jsonPath("$.grants[0].city").value("cluj-napoca"));
    }

    @Test
    void malformedRoleClaimsAuthenticateWithoutRights() throws Exception {
        call("/probe/me", Map.of("sub", "m-1", "roles", "ADMIN", "grants", List.of("cluj-napoca", Map.of("x", 1))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").isEmpty())
                .andExpect(jsonPath("$.grants").isEmpty());
        call("/probe/admin", Map.of("sub", "m-1", "roles", "ADMIN")).andExpect(status().isForbidden());
    }

    @Test
    void aTokenNamingNoMemberIsUnauthenticated() throws Exception {
        call("/probe/me", Map.of("roles", List.of("ADMIN")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aFrontrunnerOfACityIsNeitherItsTransitionTeamNorAnAdmin() throws Exception {
        var frontrunner = Map.of("sub", "m-2", "roles", List.of("MEMBER", "FRONTRUNNER"),
                "grants", List.of(FRONTRUNNER_OF_CLUJ));

        call("/probe/cities/cluj-napoca/team", frontrunner)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/forbidden"));
        call("/probe/admin", frontrunner).andExpect(status().isForbidden());
    }

    @Test
    void aCityBoundRoleIsNoGlobalAuthority() throws Exception {
        call("/probe/frontrunners", Map.of("sub", "m-2", "roles", List.of("MEMBER", "FRONTRUNNER"),
                "grants", List.of(FRONTRUNNER_OF_CLUJ))).andExpect(status().isForbidden());
    }

    @Test
    void aTransitionTeamActsForItsOwnCityOnly() throws Exception {
        var team = Map.of("sub", "m-3", "roles", List.of("MEMBER"), "grants", List.of(TEAM_OF_CLUJ));

        call("/probe/cities/cluj-napoca/team", team).andExpect(status().isOk());
        call("/probe/cities/malmo/team", team).andExpect(status().isForbidden());
        call("/probe/admin", team).andExpect(status().isForbidden());
    }

    @Test
    void anAdminIsAnAdmin() throws Exception {
        call("/probe/admin", Map.of("sub", "m-4", "roles", List.of("MEMBER", "ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void aUrlTheFirewallRejectsIsABadRequestProblem() throws Exception {
        http.perform(get("/probe/me%2F..%2Fadmin"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions call(String path, Map<String, Object> claims) throws Exception {
        return http.perform(get(path).header("Authorization", "Bearer " + ProbeApplication.token(claims)));
    }
}
