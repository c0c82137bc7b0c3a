package org.netzerocities.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import com.jayway.jsonpath.JsonPath;

/**
 * A post's way from the leadership team's draft through the steering committee to the publishing queue and the
 * channel's content calendar, with the events that tell each side.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ApprovalJourneyTest extends CampaignApi {

    @Test
    void aPostRejectedRevisedAndApprovedByTheSteeringCommitteeIsQueuedAndOnTheCalendar() throws Exception {
        Team team = team();
        String campaignId = campaign(team, "COLLABORATION_POST");
        String postId = submitted(team, campaignId);

        var submittedEvent = events(EventCatalog.CAMPAIGN_POSTS_TOPIC, postId, EventCatalog.CAMPAIGN_POST_SUBMITTED, 1);
        assertThat(submittedEvent).hasSize(1);
        assertThat(JsonPath.<String>read(submittedEvent.get(0).value(), "$.authorId")).isEqualTo(team.leader());
        assertThat(JsonPath.<List<String>>read(submittedEvent.get(0).value(), "$.steeringIds"))
                .containsExactly(team.steering());

        http.perform(json(post("/api/campaigns/posts/{id}/rejection", postId), team.steering(),
                "{\"comment\":\"Credit the photographer\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        var rejected = events(EventCatalog.CAMPAIGN_POSTS_TOPIC, postId, EventCatalog.CAMPAIGN_POST_REJECTED, 1);
        assertThat(rejected).hasSize(1);
        assertThat(JsonPath.<String>read(rejected.get(0).value(), "$.comment")).isEqualTo("Credit the photographer");
        assertThat(JsonPath.<List<String>>read(rejected.get(0).value(), "$.leadershipIds"))
                .containsExactly(team.leader());

        http.perform(json(put("/api/campaigns/posts/{id}", postId), team.leader(), postJson("Photo: Ana")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.collaborators[0]").value("ana.bikes"));
        http.perform(post("/api/campaigns/posts/{id}/submission", postId).with(asMember(team.leader())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));

        String at = in(3);
        http.perform(json(post("/api/campaigns/posts/{id}/approval", postId), team.steering(),
                "{\"comment\":\"Go\",\"scheduledAt\":\"" + at + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.reviewerId").value(team.steering()))
                .andExpect(jsonPath("$.publication.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.publication.scheduledAt").value(at));
        var approved = events(EventCatalog.CAMPAIGN_POSTS_TOPIC, postId, EventCatalog.CAMPAIGN_POST_APPROVED, 1);
        assertThat(approved).hasSize(1);
        assertThat(JsonPath.<String>read(approved.get(0).value(), "$.reviewerId")).isEqualTo(team.steering());
        assertThat(JsonPath.<String>read(approved.get(0).value(), "$.campaignId")).isEqualTo(campaignId);

        http.perform(json(post("/api/campaigns/posts/{id}/approval", postId), team.steering(),
                "{\"scheduledAt\":\"" + in(4) + "\"}")).andExpect(status().isConflict());

        http.perform(get("/api/campaigns/channels/{id}/calendar", team.channelId()).with(asMember(team.leader())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.posts[0].postId").value(postId))
                .andExpect(jsonPath("$.posts[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$.posts[0].scheduledAt").value(at))
                .andExpect(jsonPath("$.posts.length()").value(1));
        http.perform(get("/api/campaigns/channels/{id}/calendar.ics", team.channelId())
                .with(asMember(team.steering())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andExpect(content().string(containsString("UID:" + postId + "@netzerocities.eu")))
                .andExpect(content().string(containsString("X-NZC-POST-STATUS:SCHEDULED")));
    }

    @Test
    void onlyTheChannelsSteeringCommitteeReviewsAndNeverTheAuthor() throws Exception {
        Team team = team();
        Team other = team();
        String postId = submitted(team, campaign(team, "CONTENT_CREATION"));
        String approval = "{\"scheduledAt\":\"" + in(2) + "\"}";

        for (String reviewer : new String[] { team.leader(), other.steering(), other.leader(), member() }) {
            http.perform(json(post("/api/campaigns/posts/{id}/approval", postId), reviewer, approval))
                    .andExpect(status().isForbidden());
            http.perform(json(post("/api/campaigns/posts/{id}/rejection", postId), reviewer, "{\"comment\":\"No\"}"))
                    .andExpect(status().isForbidden());
        }
        http.perform(json(post("/api/campaigns/posts/{id}/approval", postId), team.steering(), approval).with(admin()))
                .andExpect(status().isForbidden());
        http.perform(get("/api/campaigns/posts/{id}", postId).with(asMember(team.steering())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.publication").doesNotExist());
        http.perform(get("/api/campaigns/channels/{id}/calendar", team.channelId()).with(asMember(other.leader())))
                .andExpect(status().isForbidden());
    }
}
