package org.netzerocities.campaign.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The scheduler against the real database and broker: due posts go out once whatever the number of instances,
 * a claim protects a post until its lease runs out, and a post whose outcome was lost is reconciled, not posted
 * again.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class PublishSchedulerTest extends PublishingFixture {

    @Autowired
    MeterRegistry meters;

    @Test
    void aDuePostIsPublishedThroughTheLocalPublisherAndAnnouncedWithItsPermalink() throws Exception {
        String channelId = channel();
        String postId = duePost(channelId);

        instance(localPublisher(), Duration.ZERO).publishDue();

        Publication published = stored(postId);
        assertThat(published.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(published.view().permalink()).startsWith(LocalPublisher.PERMALINK_PREFIX);
        assertThat(postedFor(postId)).singleElement().satisfies(posted -> {
            assertThat(posted.getString("caption")).isEqualTo("Caption " + postId);
            assertThat(posted.getList("collaborators", String.class)).containsExactly("nzc_lisbon");
        });
        ConsumerRecord<String, String> event = postEvents(List.of(postId), EventCatalog.CAMPAIGN_POST_PUBLISHED, 1,
                Duration.ofSeconds(10)).get(0);
        assertThat((String) JsonPath.read(event.value(), "$.permalink")).isEqualTo(published.view().permalink());
        assertThat((String) JsonPath.read(event.value(), "$.campaignId")).isEqualTo("campaign-" + postId);
        assertThat((String) JsonPath.read(event.value(), "$.channelId")).isEqualTo(channelId);
        assertThat((String) JsonPath.read(event.value(), "$.publishedAt")).isNotBlank();
        // the mission's figure, once the relay sent the event: one post for the channel's city
        String city = mongo.getCollection("channels").find(new Document("_id", channelId)).first().getString("city");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters
                .find("nzc.mission.campaign.posts.published").tag("city", city).counter()).isNotNull()
                .extracting(Counter::count).isEqualTo(1.0));
    }

    @Test
    void twoInstancesRacingOverTheSameDuePostsPublishEachExactlyOnce() throws Exception {
        String channelId = channel();
        List<String> postIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            postIds.add(duePost(channelId));
        }
        PublishScheduler first = instance(localPublisher(), Duration.ZERO);
        PublishScheduler second = instance(localPublisher(), Duration.ZERO);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger claimed = new AtomicInteger();
        List<CompletableFuture<Void>> racers = List.of(first, second).stream()
                .map(instance -> CompletableFuture.runAsync(() -> {
                    await(start);
                    claimed.addAndGet(instance.publishDue());
                })).toList();
        start.countDown();
        racers.forEach(CompletableFuture::join);

        // other tests' posts may be due for these instances too
        assertThat(claimed.get()).isGreaterThanOrEqualTo(postIds.size());
        for (String postId : postIds) {
            assertThat(stored(postId).status()).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(postedFor(postId)).hasSize(1);
        }
        // ask for more than expected: a duplicate would show up within the wait
        var published = postEvents(postIds, EventCatalog.CAMPAIGN_POST_PUBLISHED, postIds.size() + 1,
                Duration.ofSeconds(4));
        assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(postIds);
    }

    @Test
    void aPostClaimedByALiveInstanceIsLeftAloneUntilItsLeaseRunsOut() throws Exception {
        String postId = duePost(channel());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(postId)), new Update()
                .set(Publication.STATUS, PublicationStatus.PUBLISHING).set(Publication.CLAIM_OWNER, "other-instance")
                .set(Publication.LEASE_UNTIL, clock(Duration.ZERO).instant().plus(SETTINGS.lease())), Publication.class);

        instance(localPublisher(), Duration.ZERO).publishDue();
        assertThat(stored(postId).claimOwner()).isEqualTo("other-instance");
        assertThat(postedFor(postId)).isEmpty();

        instance(localPublisher(), SETTINGS.lease().plusMinutes(1)).publishDue();
        assertThat(stored(postId).status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(postedFor(postId)).hasSize(1);
    }

    @Test
    void aPublishWhoseAnswerWasLostIsReconciledFromTheContainerNotPostedAgain() throws Exception {
        String postId = duePost(channel());
        LocalPublisher answerLost = new LocalPublisher(mongo, clock(Duration.ZERO)) {
            @Override
            public Published publish(Account account, String containerId) {
                super.publish(account, containerId);
                throw PublishFailure.transientFailure("media_publish: Instagram did not answer within PT10S");
            }
        };

        instance(answerLost, Duration.ZERO).publishDue();
        Publication unknown = stored(postId);
        assertThat(unknown.status()).isEqualTo(PublicationStatus.PUBLISHING);
        assertThat(unknown.publishRequestedAt()).isNotNull();
        instance(localPublisher(), Duration.ZERO).publishDue();
        assertThat(stored(postId).status()).as("nobody takes it before the retry").isEqualTo(PublicationStatus.PUBLISHING);

        instance(localPublisher(), SETTINGS.retryMax()).publishDue();

        Publication reconciled = stored(postId);
        assertThat(reconciled.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(postedFor(postId)).singleElement().satisfies(
                posted -> assertThat(reconciled.view().permalink()).isEqualTo(posted.getString("permalink")));
        assertThat(postEvents(List.of(postId), EventCatalog.CAMPAIGN_POST_PUBLISHED, 2, Duration.ofSeconds(3)))
                .hasSize(1);
    }

    @Test
    void anUnknownOutcomeWhoseContainerTurnsOutInErrorFailsAndTellsTheTeam() throws Exception {
        String postId = duePost(channel());
        LocalPublisher noAnswer = new LocalPublisher(mongo, clock(Duration.ZERO)) {
            @Override
            public Published publish(Account account, String containerId) {
                throw PublishFailure.transientFailure("media_publish: Instagram did not answer within PT10S");
            }
        };
        LocalPublisher containerInError = new LocalPublisher(mongo, clock(Duration.ZERO)) {
            @Override
            public ContainerStatus awaitContainer(Account account, String containerId) {
                throw PublishFailure.notPosted("Instagram could not process the media (container " + containerId + ")");
            }
        };

        instance(noAnswer, Duration.ZERO).publishDue();
        instance(containerInError, SETTINGS.retryMax()).publishDue();

        assertThat(stored(postId).status()).isEqualTo(PublicationStatus.FAILED);
        assertThat(postEvents(List.of(postId), EventCatalog.CAMPAIGN_POST_PUBLISH_FAILED, 1, Duration.ofSeconds(10)))
                .hasSize(1);
    }

    @Test
    void aContainerCreatedBeforeAFailureIsPublishedLaterInsteadOfANewOne() throws Exception {
        String postId = duePost(channel());
        LocalPublisher stalls = new LocalPublisher(mongo, clock(Duration.ZERO)) {
            @Override
            public ContainerStatus awaitContainer(Account account, String containerId) {
                return ContainerStatus.IN_PROGRESS;
            }
        };

        instance(stalls, Duration.ZERO).publishDue();
        assertThat(stored(postId).status()).isEqualTo(PublicationStatus.SCHEDULED);
        instance(localPublisher(), SETTINGS.retryMax()).publishDue();

        assertThat(stored(postId).status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(postedFor(postId)).singleElement()
                .satisfies(posted -> assertThat(posted.getString("_id")).isEqualTo(stored(postId).containerId()));
    }

    @Test
    void eachStoredStepRenewsTheClaimSoASlowPublishKeepsItsPost() throws Exception {
        String postId = duePost(channel());
        List<Instant> leases = new ArrayList<>();
        // a clock a minute later at every reading: the step after the container is stored comes later than the claim
        Clock slow = new Clock() {
            final AtomicInteger readings = new AtomicInteger();

            @Override
            public Instant instant() {
                return clock(Duration.ofMinutes(readings.getAndIncrement())).instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        LocalPublisher watching = new LocalPublisher(mongo, slow) {
            @Override
            public String createContainer(Account account, PostToPublish post) {
                leases.add(lease(postId));
                return super.createContainer(account, post);
            }

            @Override
            public ContainerStatus awaitContainer(Account account, String containerId) {
                leases.add(lease(postId));
                return super.awaitContainer(account, containerId);
            }
        };

        new PublishScheduler(mongo, watching, channels, events, id -> relay.wake(Publication.COLLECTION, id), slow,
                SETTINGS).publishDue();

        assertThat(stored(postId).status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(leases).hasSize(2);
        assertThat(leases.get(1)).isAfter(leases.get(0));
    }

    private Instant lease(String postId) {
        return mongo.findById(postId, Document.class, Publication.COLLECTION).getDate(Publication.LEASE_UNTIL)
                .toInstant();
    }

    @Test
    void aChannelWithoutCredentialFailsThePostAndTellsItsLeadershipTeam() throws Exception {
        String leader = UUID.randomUUID().toString();
        String channelId = channel(leader);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(channelId)), new Update().unset("credential"),
                "channels");
        String postId = duePost(channelId);

        instance(localPublisher(), Duration.ZERO).publishDue();

        assertThat(stored(postId).status()).isEqualTo(PublicationStatus.FAILED);
        assertThat(postedFor(postId)).isEmpty();
        ConsumerRecord<String, String> failed = postEvents(List.of(postId),
                EventCatalog.CAMPAIGN_POST_PUBLISH_FAILED, 1, Duration.ofSeconds(10)).get(0);
        assertThat((List<String>) JsonPath.read(failed.value(), "$.leadershipIds")).containsExactly(leader);
        assertThat((String) JsonPath.read(failed.value(), "$.reason")).contains("credential");
    }

    @Test
    void aPostOverTheChannelsDailyLimitWaitsWithoutCountingAsAFailure() throws Exception {
        String channelId = channel();
        Instant now = clock(Duration.ZERO).instant();
        for (int i = 0; i < SETTINGS.dailyLimit(); i++) {
            String earlier = duePost(channelId);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(earlier)), new Update()
                    .set(Publication.STATUS, PublicationStatus.PUBLISHED).set(Publication.PUBLISHED_AT,
                            now.minus(Duration.ofHours(1))), Publication.class);
        }
        String postId = duePost(channelId);

        instance(localPublisher(), Duration.ZERO).publishDue();

        Publication waiting = stored(postId);
        assertThat(waiting.status()).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(waiting.attempts()).isZero();
        assertThat(postedFor(postId)).as("a container may wait, nothing was posted").allSatisfy(
                posted -> assertThat(posted.get("mediaId")).isNull());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
