package org.netzerocities.campaign.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.testsupport.MemberTokens;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

/**
 * A published post's metrics: fetched by the insights job (once per due time, whatever the number of instances)
 * or entered by the channel's leadership team through {@code POST /api/campaigns/posts/{id}/metrics}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class PostMetricsTest extends PublishingFixture {

    /** A post published on a channel led by {@code leader}. */
    String publishedPost(String leader) throws Exception {
        String postId = duePost(channel(leader));
        instance(localPublisher(), Duration.ZERO).publishDue();
        assertThat(stored(postId).status()).isEqualTo(PublicationStatus.PUBLISHED);
        return postId;
    }

    @Test
    void theLeadershipTeamEntersMetricsAndLaterEntriesOverwriteOnlyWhatTheyName() throws Exception {
        String leader = UUID.randomUUID().toString();
        String postId = publishedPost(leader);

        http.perform(post("/api/campaigns/posts/" + postId + "/metrics").with(asMember(leader))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reach\":1200,\"likes\":80}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.metrics.reach").value(1200));
        http.perform(post("/api/campaigns/posts/" + postId + "/metrics").with(asMember(leader))
                .contentType(MediaType.APPLICATION_JSON).content("{\"likes\":95,\"saved\":0}"))
                .andExpect(status().isOk());

        assertThat(stored(postId).metrics()).isEqualTo(Map.of("reach", 1200L, "likes", 95L, "saved", 0L));
        assertThat(publications.publication(postId).orElseThrow().metricsCollectedAt()).isNotNull();
    }

    @Test
    void aPostNotPublishedYetHasNoMetricsToEnter() throws Exception {
        String leader = UUID.randomUUID().toString();
        String postId = duePost(channel(leader));

        http.perform(post("/api/campaigns/posts/" + postId + "/metrics").with(asMember(leader))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reach\":1}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(stored(postId).metrics()).isEmpty();
        publications.cancel(postId); // off the queue: other tests' instances would publish it
    }

    @TestFactory
    Stream<DynamicTest> hostileMetricsAreRefusedAndChangeNothing() throws Exception {
        String leader = UUID.randomUUID().toString();
        String postId = publishedPost(leader);
        String route = "/api/campaigns/posts/" + postId + "/metrics";
        Stream<DynamicTest> bodies = Stream.of("[]", "\"reach\"", "{}", "null", "{\"reach\":-1}", "{\"reach\":\"12\"}",
                "{\"reach\":1.5}", "{\"reach\":null}", "{\"reach\":[1,null]}", "{\"reach\":{\"$gt\":0}}",
                "{\"$gt\":\"\"}", "{\"reach.$\":1}", "{\"impressions\":3}", "{\"reach\":1e3}",
                "{\"reach\":99999999999999999999999}", "{\"" + "x".repeat(100_000) + "\":1}",
                "{\"reach\u0000\":1}", "{\"reach\":", "")
                .map(body -> HostileRequests.refused(http, "body " + MemberTokens.testName(body),
                        post(route).with(asMember(leader)).contentType(MediaType.APPLICATION_JSON).content(body)));
        Stream<DynamicTest> callers = Stream.of(
                HostileRequests.refused(http, "another member", post(route).with(asMember(UUID.randomUUID().toString()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reach\":1}")),
                HostileRequests.refused(http, "no member", post(route).with(MemberTokens.namingNoMember())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reach\":1}")),
                HostileRequests.refused(http, "no token", post(route)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reach\":1}")));
        Stream<DynamicTest> ids = Stream.of("{\"$gt\":\"\"}", "a[$ne]=", UUID.randomUUID().toString(),
                "x".repeat(5_000), "a\u0001b").map(id -> HostileRequests.refused(http, "post " + MemberTokens.testName(id),
                        post("/api/campaigns/posts/{id}/metrics", id).with(asMember(leader))
                                .contentType(MediaType.APPLICATION_JSON).content("{\"reach\":1}")));
        Stream<DynamicTest> unchanged = Stream.of(DynamicTest.dynamicTest("the post's metrics are unchanged",
                () -> assertThat(stored(postId).metrics()).isEmpty()));
        return Stream.of(bodies, callers, ids, unchanged).flatMap(s -> s);
    }

    @Test
    void twoInstancesCollectingInsightsFetchEachDuePostOnce() throws Exception {
        String postId = publishedPost(UUID.randomUUID().toString());
        AtomicInteger fetched = new AtomicInteger();
        Publisher withInsights = new LocalPublisher(mongo, clock(Duration.ZERO)) {
            @Override
            public Map<String, Long> insights(Account account, String mediaId) {
                // other tests' posts may be due too: only this one's fetches count
                if (!mediaId.equals(stored(postId).mediaId())) {
                    return Map.of();
                }
                fetched.incrementAndGet();
                return Map.of("reach", 640L, "comments", 12L);
            }
        };
        var later = clock(SETTINGS.metricsInterval().plusMinutes(1));
        List<InsightsCollector> instances = List.of(
                new InsightsCollector(mongo, withInsights, channels, later, SETTINGS),
                new InsightsCollector(mongo, withInsights, channels, later, SETTINGS));

        instances.stream().map(collector -> CompletableFuture.runAsync(collector::collectDue)).toList()
                .forEach(CompletableFuture::join);

        assertThat(fetched.get()).isEqualTo(1);
        assertThat(stored(postId).metrics()).isEqualTo(Map.of("reach", 640L, "comments", 12L));
    }

    @Test
    void anEmptyInsightsAnswerKeepsWhatTheTeamEntered() throws Exception {
        String leader = UUID.randomUUID().toString();
        String postId = publishedPost(leader);
        http.perform(post("/api/campaigns/posts/" + postId + "/metrics").with(asMember(leader))
                .contentType(MediaType.APPLICATION_JSON).content("{\"shares\":7}")).andExpect(status().isOk());

        new InsightsCollector(mongo, localPublisher(), channels, clock(SETTINGS.metricsInterval().plusMinutes(1)),
                SETTINGS).collectDue();

        assertThat(stored(postId).metrics()).isEqualTo(Map.of("shares", 7L));
    }
}
