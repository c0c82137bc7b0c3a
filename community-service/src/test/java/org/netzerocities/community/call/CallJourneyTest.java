package org.netzerocities.community.call;

import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.call.CallWebTest.body;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** A transition team appointed through the API launches a call with its real token; erasing them keeps the call. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CallJourneyTest {

    @Autowired
    MockMvc http;
    @Autowired
    CallRepository calls;

    @Test
    void anAppointedTransitionTeamLaunchesACallWhichOutlivesTheirAccount() throws Exception {
        var api = new CommunityApi(http);
        var team = api.register("Team", "suceava");
        api.grant(team.id(), "TRANSITION_TEAM", null);
        http.perform(post("/api/community/calls").with(bearer(team.token())).contentType(MediaType.APPLICATION_JSON)
                .content(body("suceava"))).andExpect(status().isForbidden());
        String token = api.logIn(team);

        String launched = http.perform(post("/api/community/calls").with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(body(null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.city.id").value("suceava"))
                .andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(launched, "$.code");
        http.perform(get("/api/community/members/me/export").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.callsLaunched[0].code").value(code))
                .andExpect(jsonPath("$.sections.callsLaunched[0].city").value("suceava"));

        http.perform(delete("/api/community/members/me").with(bearer(token))).andExpect(status().isNoContent());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> calls.findByCode(code).orElseThrow().launchedBy() == null);
        http.perform(get("/api/community/calls/{code}", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Join the mission"));
    }
}
