package org.netzerocities.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Decisions taken at the same moment: two committee members reviewing one post, one member answering a call
 * twice. One wins; the other is refused, and only the winner's event is published.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ReviewRaceTest extends CampaignApi {

    private List<Integer> atOnce(MockHttpServletRequestBuilder first, MockHttpServletRequestBuilder second)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (MockHttpServletRequestBuilder request : List.of(first, second)) {
                Callable<Integer> call = () -> {
                    start.await();
                    return http.perform(request).andReturn().getResponse().getStatus();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void ofTwoReviewersDecidingAtOnceOneWinsAndTheOtherIsRefused() throws Exception {
        Team team = team();
        String second = member();
        http.perform(post("/api/campaigns/channels/{id}/team", team.channelId()).with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberId\":\"" + second + "\",\"role\":\"STEERING_COMMITTEE\"}"));
        String postId = submitted(team, campaign(team, "CONTENT_CREATION"));

        List<Integer> statuses = atOnce(
                json(post("/api/campaigns/posts/{id}/approval", postId), team.steering(),
                        "{\"scheduledAt\":\"" + in(2) + "\"}"),
                json(post("/api/campaigns/posts/{id}/rejection", postId), second, "{\"comment\":\"No\"}"));

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        CampaignPost post = mongo.findById(postId, CampaignPost.class);
        boolean approved = statuses.get(0) == 200;
        assertThat(post.status()).isEqualTo(approved ? CampaignPost.Status.SCHEDULED : CampaignPost.Status.REJECTED);
        var winner = approved ? EventCatalog.CAMPAIGN_POST_APPROVED : EventCatalog.CAMPAIGN_POST_REJECTED;
        // waits for a second decision briefly: the loser saved nothing, so had it published, it would be there
        var decisions = TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.CAMPAIGN_POSTS_TOPIC, r -> postId.equals(r.key())
                        && List.of(EventCatalog.CAMPAIGN_POST_APPROVED.type(), EventCatalog.CAMPAIGN_POST_REJECTED.type())
                                .contains(TopicReader.header(r, "ce_type")), 2, Duration.ofSeconds(4));
        assertThat(decisions).singleElement()
                .satisfies(r -> assertThat(TopicReader.header(r, "ce_type")).isEqualTo(winner.type()));
    }

    @Test
    void aMemberAnsweringTwiceAtOnceIsRecordedOnce() throws Exception {
        String callId = campaign(team(), "CALL_TO_ACTION");
        String member = UUID.randomUUID().toString();
        String body = "{\"answers\":{\"street\":\"Rua Augusta\"}}";

        List<Integer> statuses = atOnce(json(post("/api/campaigns/calls-to-action/{id}/responses", callId), member,
                body), json(post("/api/campaigns/calls-to-action/{id}/responses", callId), member, body));

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(callId)), CallToActionResponse.class))
                .isOne();
    }
}
