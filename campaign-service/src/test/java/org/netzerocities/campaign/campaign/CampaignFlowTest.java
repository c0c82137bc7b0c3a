package org.netzerocities.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

/** Launching campaigns on a channel, who sees them, and members answering a call to action. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CampaignFlowTest extends CampaignApi {

    @Test
    void aCallToActionIsAnnouncedToItsCityAndEachMemberRespondsOnceCountingTowardsItsKpis() throws Exception {
        Team team = team();
        String ref = "lanes-" + UUID.randomUUID().toString().substring(0, 8);
        String callId = JsonPath.read(launch(team.leader(), campaignJson(team.channelId(), "CALL_TO_ACTION", ref))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.campaignRef").value(ref))
                .andExpect(jsonPath("$.city").value(team.city()))
                .andReturn().getResponse().getContentAsString(), "$.id");

        var launched = events(EventCatalog.CAMPAIGN_CAMPAIGNS_TOPIC, callId, EventCatalog.CAMPAIGN_LAUNCHED, 1);
        assertThat(launched).hasSize(1);
        assertThat(JsonPath.<String>read(launched.get(0).value(), "$.campaignRef")).isEqualTo(ref);
        assertThat(JsonPath.<String>read(launched.get(0).value(), "$.kind")).isEqualTo("CALL_TO_ACTION");
        assertThat(JsonPath.<String>read(launched.get(0).value(), "$.pillar")).isEqualTo("EXPANDING_MOVEMENT");
        var invited = events(EventCatalog.CAMPAIGN_CAMPAIGNS_TOPIC, callId, EventCatalog.CALL_TO_ACTION_LAUNCHED, 1);
        assertThat(invited).hasSize(1);
        assertThat(JsonPath.<String>read(invited.get(0).value(), "$.city")).isEqualTo(team.city());
        assertThat(JsonPath.<String>read(invited.get(0).value(), "$.channelId")).isEqualTo(team.channelId());

        String member = member();
        String answers = "{\"answers\":{\"street\":\"Rua Augusta\"}}";
        http.perform(json(post("/api/campaigns/calls-to-action/{id}/responses", callId), member, answers))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.answers.street").value("Rua Augusta"));
        http.perform(json(post("/api/campaigns/calls-to-action/{id}/responses", callId), member, answers))
                .andExpect(status().isConflict());
        http.perform(json(post("/api/campaigns/calls-to-action/{id}/responses", callId), member(),
                "{\"answers\":{\"why\":\"Safer\"}}")).andExpect(status().isBadRequest());

        var responded = events(EventCatalog.CAMPAIGN_CAMPAIGNS_TOPIC, callId,
                EventCatalog.CALL_TO_ACTION_RESPONDED, 1);
        assertThat(responded).hasSize(1);
        assertThat(JsonPath.<String>read(responded.get(0).value(), "$.memberId")).isEqualTo(member);

        http.perform(get("/api/campaigns/campaigns/{id}/kpis", callId).with(asMember(team.steering())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets.responses").value(40))
                .andExpect(jsonPath("$.measured.responses").value(1))
                .andExpect(jsonPath("$.measured.newMembers").value(0));
        http.perform(get("/api/campaigns/campaigns/{id}/kpis", callId).with(asMember(member)))
                .andExpect(status().isForbidden());

        launch(team.leader(), campaignJson(team.channelId(), "COMMUNICATION_SERIES", ref))
                .andExpect(status().isConflict());
    }

    @Test
    void membersSeeCallsToActionWhileTheChannelsTeamsSeeEveryCampaign() throws Exception {
        Team team = team();
        String series = campaign(team, "COMMUNICATION_SERIES");
        String call = campaign(team, "CALL_TO_ACTION");
        String member = member();

        http.perform(get("/api/campaigns/campaigns").param("channelId", team.channelId()).with(asMember(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(call));
        http.perform(get("/api/campaigns/campaigns/{id}", series).with(asMember(member)))
                .andExpect(status().isNotFound());
        http.perform(get("/api/campaigns/campaigns/{id}", call).with(asMember(member)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.callToAction.questions[0].id").value("street"));

        http.perform(get("/api/campaigns/campaigns").param("channelId", team.channelId())
                .with(asMember(team.steering()))).andExpect(jsonPath("$.total").value(2));
        http.perform(get("/api/campaigns/campaigns").param("channelId", team.channelId())
                .param("kind", "COMMUNICATION_SERIES").with(asMember(team.leader())))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].series.recurrence").value("WEEKLY"));
        http.perform(get("/api/campaigns/campaigns").param("channelId", team.channelId()).with(admin()))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void onlyTheChannelsLeadershipTeamOrAnAdminLaunchesCampaignsOnIt() throws Exception {
        Team team = team();
        Team other = team();
        String body = campaignJson(team.channelId(), "CONTENT_CREATION", null);
        launch(other.leader(), body).andExpect(status().isForbidden());
        launch(team.steering(), body).andExpect(status().isForbidden());
        http.perform(post("/api/campaigns/campaigns").with(admin())
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.campaignRef").value(startsWith("lanes-for-lisbon-")));
    }
}
