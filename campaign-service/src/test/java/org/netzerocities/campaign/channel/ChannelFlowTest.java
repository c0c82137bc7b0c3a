package org.netzerocities.campaign.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

/** Admins create channels and appoint their teams; everyone sees which channels exist. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ChannelFlowTest extends ChannelApi {

    @Autowired
    Channels channels;

    @Test
    void aCityChannelIsNamedAfterItsCityAnnouncedAndUniquePerCity() throws Exception {
        String city = freshCity();
        String body = http.perform(post("/api/campaigns/channels").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"" + city + "\",\"language\":\"ro\",\"instagramAccountId\":\"1784\","
                        + "\"cadence\":\"P2W\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.handle").value("NZCommunities_" + ChannelHandles.displayName(city)))
                .andExpect(jsonPath("$.cadence").value("P14D"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        String channelId = JsonPath.read(body, "$.channelId");

        http.perform(get("/api/campaigns/channels/" + channelId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.city").value(city))
                .andExpect(jsonPath("$.leadershipIds").doesNotExist());
        http.perform(post("/api/campaigns/channels").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"" + city + "\",\"language\":\"ro\",\"instagramAccountId\":\"1785\"}"))
                .andExpect(status().isConflict());
        assertThat(channels.channel(channelId)).get().satisfies(view -> {
            assertThat(view.city()).isEqualTo(city);
            assertThat(view.cadence().getDays()).isEqualTo(14);
        });
        List<ConsumerRecord<String, String>> created = events(channelId, EventCatalog.CHANNEL_CREATED, 1,
                Duration.ofSeconds(20));
        assertThat(created).hasSize(1);
        assertThat(created.get(0).value()).contains("\"city\":\"" + city + "\"").contains("\"language\":\"ro\"");
    }

    @Test
    void thereIsOneMainChannel() throws Exception {
        String main = "{\"language\":\"en\",\"instagramAccountId\":\"1783\"}";
        for (int i = 0; i < 2; i++) {
            http.perform(post("/api/campaigns/channels").with(admin()).contentType(MediaType.APPLICATION_JSON)
                    .content(main));
        }
        http.perform(post("/api/campaigns/channels").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(main))
                .andExpect(status().isConflict());
        assertThat(channels.all()).filteredOn(view -> view.city() == null).singleElement()
                .satisfies(view -> assertThat(view.handle()).isEqualTo("NZCommunities"));
        assertThat(channels.all().get(0).city()).isNull();
    }

    @Test
    void adminsAppointAndRemoveTeamMembersWhoseIdsOnlyMembersSee() throws Exception {
        String channelId = cityChannel(freshCity());
        String volunteer = knownMember();
        String consortium = knownMember();

        appoint(channelId, volunteer, "LEADERSHIP_TEAM");
        appoint(channelId, volunteer, "LEADERSHIP_TEAM");
        appoint(channelId, consortium, "STEERING_COMMITTEE");

        http.perform(get("/api/campaigns/channels/" + channelId).with(asMember(UUID.randomUUID().toString())))
                .andExpect(jsonPath("$.leadershipIds[0]").value(volunteer))
                .andExpect(jsonPath("$.steeringIds[0]").value(consortium));
        assertThat(channels.channel(channelId)).get().satisfies(view -> {
            assertThat(view.isLeadership(volunteer)).isTrue();
            assertThat(view.isSteering(consortium)).isTrue();
        });
        http.perform(delete("/api/campaigns/channels/" + channelId + "/team/" + volunteer)
                .param("role", "LEADERSHIP_TEAM").with(admin()))
                .andExpect(status().isNoContent());
        assertThat(channels.channel(channelId).orElseThrow().leadershipIds()).isEmpty();

        List<ConsumerRecord<String, String>> changes = events(channelId, EventCatalog.CHANNEL_TEAM_CHANGED, 3,
                Duration.ofSeconds(20));
        assertThat(changes).extracting(ConsumerRecord::value).satisfiesExactly(
                appointed -> assertThat(appointed).contains(volunteer, "LEADERSHIP_TEAM", "APPOINTED"),
                appointed -> assertThat(appointed).contains(consortium, "STEERING_COMMITTEE", "APPOINTED"),
                removed -> assertThat(removed).contains(volunteer, "LEADERSHIP_TEAM", "REMOVED"));
    }

    @Test
    void whoDraftsDoesNotApprove() throws Exception {
        String channelId = cityChannel(freshCity());
        String member = knownMember();
        appoint(channelId, member, "LEADERSHIP_TEAM");

        http.perform(post("/api/campaigns/channels/" + channelId + "/team").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberId\":\"" + member + "\",\"role\":\"STEERING_COMMITTEE\"}"))
                .andExpect(status().isConflict());
        assertThat(channels.channel(channelId).orElseThrow().steeringIds()).isEmpty();
    }

    @Test
    void onlyMembersCampaignsKnowAreAppointed() throws Exception {
        String channelId = cityChannel(freshCity());
        http.perform(post("/api/campaigns/channels/" + channelId + "/team").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberId\":\"" + UUID.randomUUID() + "\",\"role\":\"LEADERSHIP_TEAM\"}"))
                .andExpect(status().isBadRequest());
        assertThat(channels.channel(channelId).orElseThrow().leadershipIds()).isEmpty();
    }

    @Test
    void theListIsPublicAndPointsToEachChannel() throws Exception {
        String channelId = cityChannel(freshCity());
        http.perform(get("/api/campaigns/channels"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.channelId == '" + channelId + "')].handle").exists());
        http.perform(post("/api/campaigns/channels").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"" + freshCity() + "\",\"language\":\"pt\",\"instagramAccountId\":\"1\"}"))
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/campaigns/channels/")));
    }
}
