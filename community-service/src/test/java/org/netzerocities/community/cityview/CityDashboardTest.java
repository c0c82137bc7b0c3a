package org.netzerocities.community.cityview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.netzerocities.community.directory.Members.transitionTeam;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.directory.Members;
import org.netzerocities.community.directory.Members.Registered;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The city view on a small city seeded through the HTTP routes; other tests never use these cities. */
@SpringBootTest(properties = { "nzc.admin.email=" + Members.ADMIN_EMAIL, "nzc.admin.password=" + Members.ADMIN_PASSWORD })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CityDashboardTest {

    private static final String DASHBOARD = "/api/community/cities/{id}/dashboard";

    @Autowired
    MockMvc http;

    @Test
    void theCitysTransitionTeamSeesItsMembersCallsWeeksAndFrontrunners() throws Exception {
        Members members = new Members(http);
        String launched = http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/community/calls").header("Authorization", "Bearer " + members.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"city":"tartu","title":"Tartu","message":"Join","topics":[],"closesAt":"%s"}"""
                                .formatted(java.time.OffsetDateTime.now().plusDays(10))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(launched, "$.code");
        String throughCall = "\"callCode\":\"" + code + "\"";
        Registered frontrunner = members.register("Fran Frontrunner", "tartu", "[\"et\"]", "[\"energy\",\"food\"]",
                throughCall);
        Registered team = members.register("Tea Team", "tartu", "[\"et\"]", "[\"energy\"]", throughCall);
        Registered facilitator = members.register("Fel Facilitator", "tartu", "[\"et\"]", "[\"mobility\"]", "");
        members.register("Elsewhere", "lahti", "[\"fi\"]", "[\"energy\"]", "");
        members.grant(frontrunner.id(), "FRONTRUNNER");
        members.grant(team.id(), "TRANSITION_TEAM");
        members.grant(facilitator.id(), "FACILITATOR");

        // the funnel follows the members' events into the onboarding kit
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> http
                .perform(get(DASHBOARD, "tartu").with(transitionTeam(team.id(), "tartu")))
                .andExpect(jsonPath("$.funnel.joined").value(3)));
        String body = http.perform(get(DASHBOARD, "tartu").with(transitionTeam(team.id(), "tartu")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<String>read(body, "$.city.name")).isEqualTo("Tartu");
        assertThat(JsonPath.<Integer>read(body, "$.members")).isEqualTo(3);
        assertThat(JsonPath.<Map<String, Integer>>read(body, "$.membersByRole")).containsExactly(
                entry("MEMBER", 3), entry("FRONTRUNNER", 1), entry("TRANSITION_TEAM", 1), entry("FACILITATOR", 1));
        assertThat(JsonPath.<List<String>>read(body, "$.membersByTopic[*].topic"))
                .containsExactly("energy", "food", "mobility");
        assertThat(JsonPath.<List<Integer>>read(body, "$.membersByTopic[*].members")).containsExactly(2, 1, 1);
        assertThat(JsonPath.<List<String>>read(body, "$.joinsPerCall[*].code")).containsExactly(code);
        assertThat(JsonPath.<List<String>>read(body, "$.joinsPerCall[*].title")).containsExactly("Tartu");
        assertThat(JsonPath.<List<Integer>>read(body, "$.joinsPerCall[*].joins")).containsExactly(2);
        List<Integer> weeks = JsonPath.read(body, "$.joinsPerWeek[*].joins");
        assertThat(weeks).hasSize(26).endsWith(3);
        assertThat(JsonPath.<Integer>read(body, "$.funnel.onboarded")).isZero();
        assertThat(JsonPath.<List<String>>read(body, "$.frontrunners[*].id")).containsExactly(frontrunner.id());
        assertThat(JsonPath.<Boolean>read(body, "$.frontrunners[0].activity.certificateHeld")).isFalse();
        assertThat(body).doesNotContain("@example.org");
    }

    @Test
    void onlyTheCitysTransitionTeamAndAdminsSeeIt() throws Exception {
        Members members = new Members(http);
        Registered member = members.register("Plain", "lahti", "[\"fi\"]", "[]", "");

        http.perform(get(DASHBOARD, "lahti").with(transitionTeam(member.id(), "lahti"))).andExpect(status().isOk());
        http.perform(get(DASHBOARD, "lahti").header("Authorization", "Bearer " + members.admin()))
                .andExpect(status().isOk());
        forbidden(get(DASHBOARD, "lahti").with(transitionTeam(member.id(), "tartu")));
        forbidden(get(DASHBOARD, "lahti").header("Authorization", "Bearer " + member.token()));
        forbidden(get(DASHBOARD, "lahti").with(jwt().jwt(token -> token.subject(member.id())
                .claim("grants", List.of(Map.of("role", "FRONTRUNNER", "city", "lahti"))))));
        // whether a city exists is for those allowed to see it
        forbidden(get(DASHBOARD, "atlantis").with(transitionTeam(member.id(), "lahti")));
        http.perform(get(DASHBOARD, "atlantis").header("Authorization", "Bearer " + members.admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(get(DASHBOARD, "lahti")).andExpect(status().isUnauthorized());
    }

    private void forbidden(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        http.perform(request).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
