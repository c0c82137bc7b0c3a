package org.netzerocities.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.jayway.jsonpath.JsonPath;

/**
 * A member's campaigns, posts and responses are in their export; erasure removes their responses and leaves the
 * channel's campaigns and posts without their name, the campaign's counts intact.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CampaignErasureTest extends CampaignApi {

    @Test
    void anErasedMembersResponsesGoTheirAuthorshipIsClearedAndTheirJoinStillCounts() throws Exception {
        Team team = team();
        String ref = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        String callId = JsonPath.read(launch(team.leader(), campaignJson(team.channelId(), "CALL_TO_ACTION", ref))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String postId = submitted(team, callId);
        http.perform(json(post("/api/campaigns/posts/{id}/rejection", postId), team.steering(),
                "{\"comment\":\"Shorter\"}")).andExpect(status().isOk());
        String member = UUID.randomUUID().toString();
        send(TestEvents.event(codec, EventCatalog.MEMBER_JOINED, member, new MemberJoined(member, "Ana", "lisbon",
                List.of("pt"), List.of(), "Europe/Lisbon", null, ref, true, Instant.now())));
        http.perform(json(post("/api/campaigns/calls-to-action/{id}/responses", callId), member,
                "{\"answers\":{\"street\":\"Rua Augusta\",\"why\":\"School run\"}}")).andExpect(status().isCreated());
        await().atMost(CONSUMED_WITHIN).until(() -> attributions(member) == 1);

        http.perform(get("/api/campaigns/me/export").with(asMember(member)))
                .andExpect(jsonPath("$.callToActionResponses[0].campaignId").value(callId))
                .andExpect(jsonPath("$.callToActionResponses[0].answers.why").value("School run"))
                .andExpect(jsonPath("$.campaignPosts.length()").value(0));
        http.perform(get("/api/campaigns/me/export").with(asMember(team.leader())))
                .andExpect(jsonPath("$.campaignsLaunched[0].id").value(callId))
                .andExpect(jsonPath("$.campaignPosts[0].id").value(postId))
                .andExpect(jsonPath("$.callToActionResponses.length()").value(0));
        http.perform(get("/api/campaigns/me/export").with(asMember(team.steering())))
                .andExpect(jsonPath("$.campaignPosts[0].reviewerId").value(team.steering()));

        erase(member, "lisbon");
        erase(team.leader(), "lisbon");
        erase(team.steering(), "lisbon");

        await().atMost(CONSUMED_WITHIN).untilAsserted(() -> {
            assertThat(mongo.count(Query.query(Criteria.where("memberId").is(member)), CallToActionResponse.class))
                    .isZero();
            CampaignPost post = mongo.findById(postId, CampaignPost.class);
            assertThat(post.authorId()).isNull();
            assertThat(post.reviewerId()).isNull();
            assertThat(post.reviewComment()).isEqualTo("Shorter");
            assertThat(mongo.findById(callId, Campaign.class).createdBy()).isNull();
            assertThat(attributions(member)).isZero();
        });
        http.perform(get("/api/campaigns/campaigns/{id}/kpis", callId).with(admin()))
                .andExpect(jsonPath("$.measured.responses").value(0))
                .andExpect(jsonPath("$.measured.newMembers").value(1));
    }

    private long attributions(String memberId) {
        return mongo.count(Query.query(Criteria.where(Attribution.MEMBER_ID).is(memberId)), Attribution.class);
    }
}
