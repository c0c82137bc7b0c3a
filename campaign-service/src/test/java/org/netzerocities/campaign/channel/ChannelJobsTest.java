package org.netzerocities.campaign.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.campaign.channel.Channels.ChannelStatus;
import org.netzerocities.campaign.channel.TokenRefresher.RefreshFailedException;
import org.netzerocities.campaign.channel.TokenRefresher.RefreshedToken;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CampaignPostPublished;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The channels' background jobs on two instances over one database and one broker (each instance a job object of
 * its own, as learning's cohort tests do), and the credential as it is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ChannelJobsTest extends ChannelApi {

    private static final ChannelProperties PROPERTIES = new ChannelProperties(Duration.ofHours(1),
            Duration.ofDays(10), Duration.ofMinutes(15));
    private static final Duration NO_MORE_WITHIN = Duration.ofSeconds(3);

    @Autowired
    Channels channels;
    @Autowired
    CredentialCipher cipher;
    @Autowired
    EventFactory events;
    @Autowired
    OutboxRelay relay;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    @Test
    void theTokenIsStoredEncryptedAndShownToNoOne() throws Exception {
        String channelId = cityChannel(freshCity());
        String leader = knownMember();
        appoint(channelId, leader, "LEADERSHIP_TEAM");
        String token = "IGQWR" + UUID.randomUUID();

        http.perform(put("/api/campaigns/channels/" + channelId + "/credential").with(asMember(leader))
                .contentType(MediaType.APPLICATION_JSON).content("{\"accessToken\":\"" + token + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credential.expiresAt").exists())
                .andExpect(jsonPath("$.credential.accessToken").doesNotExist());

        String stored = mongo.getCollection(Channel.COLLECTION).find(new Document("_id", channelId)).first().toJson();
        assertThat(stored).doesNotContain(token);
        assertThat(channels.accessToken(channelId)).get().satisfies(access -> {
            assertThat(access.token()).isEqualTo(token);
            assertThat(access.instagramAccountId()).isEqualTo("17841400000000");
            assertThat(access.toString()).doesNotContain(token);
        });
        String shown = http.perform(get("/api/campaigns/channels/" + channelId).with(asMember(leader)))
                .andReturn().getResponse().getContentAsString();
        String exported = http.perform(get("/api/campaigns/me/export").with(asMember(leader)))
                .andExpect(jsonPath("$.channels[0].role").value("LEADERSHIP_TEAM"))
                .andReturn().getResponse().getContentAsString();
        assertThat(shown + exported).doesNotContain(token);
    }

    @Test
    void twoInstancesRefreshAnExpiringTokenOnce() throws Exception {
        String channelId = cityChannel(freshCity());
        String token = storeCredential(channelId, Instant.now().plus(Duration.ofDays(5)));
        Instant renewedUntil = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MILLIS);
        ConcurrentLinkedQueue<String> refreshed = new ConcurrentLinkedQueue<>();
        TokenRefresher graph = old -> {
            refreshed.add(old);
            pause();
            return Optional.of(new RefreshedToken(old + "-renewed", renewedUntil));
        };

        runTogether(() -> job(graph, Clock.systemUTC()).refreshDue(), () -> job(graph, Clock.systemUTC()).refreshDue());

        assertThat(refreshed).filteredOn(token::equals).hasSize(1);
        assertThat(channels.accessToken(channelId)).get().satisfies(access -> {
            assertThat(access.token()).isEqualTo(token + "-renewed");
            assertThat(access.expiresAt()).isEqualTo(renewedUntil);
        });
        assertThat(events(channelId, EventCatalog.CHANNEL_CREDENTIAL_EXPIRING, 1, NO_MORE_WITHIN)).isEmpty();
    }

    @Test
    void whenRefreshingFailsTheTeamsAreWarnedOncePerExpiry() throws Exception {
        String channelId = cityChannel(freshCity());
        String leader = knownMember();
        String steering = knownMember();
        appoint(channelId, leader, "LEADERSHIP_TEAM");
        appoint(channelId, steering, "STEERING_COMMITTEE");
        storeCredential(channelId, Instant.now().plus(Duration.ofDays(3)));
        TokenRefresher refusing = old -> {
            pause();
            throw new RefreshFailedException("the Graph API answered 400");
        };
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));

        runTogether(() -> job(refusing, Clock.systemUTC()).refreshDue(),
                () -> job(refusing, Clock.systemUTC()).refreshDue());
        job(refusing, later).refreshDue();
        job(new LocalTokenRefresher(), Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).refreshDue();
        job(refusing, Clock.offset(Clock.systemUTC(), Duration.ofDays(4))).refreshDue();

        var warnings = events(channelId, EventCatalog.CHANNEL_CREDENTIAL_EXPIRING, 2, NO_MORE_WITHIN);
        assertThat(warnings).singleElement().satisfies(warning -> assertThat(warning.value())
                .contains(leader, steering, "refresh-failed"));
    }

    @Test
    void aChannelThatMissesItsCadenceTwiceFallsDormantOnceAndItsNextPostRevivesIt() throws Exception {
        String channelId = cityChannel(freshCity(), "P1D");
        String leader = knownMember();
        appoint(channelId, leader, "LEADERSHIP_TEAM");
        Clock twoDaysLater = Clock.fixed(Instant.now().plus(Duration.ofDays(2)).plusSeconds(60), ZoneOffset.UTC);
        Clock oneDayLater = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);

        activity(oneDayLater).markDormant();
        assertThat(channels.channel(channelId).orElseThrow().status()).isEqualTo(ChannelStatus.ACTIVE);
        Channel asBothRead = mongo.findById(channelId, Channel.class);
        runTogether(() -> activity(twoDaysLater).markDormant(), () -> activity(twoDaysLater).markDormant());
        assertThat(activity(twoDaysLater).claim(asBothRead, twoDaysLater.instant())).isFalse();
        activity(twoDaysLater).markDormant();

        assertThat(channels.channel(channelId).orElseThrow().status()).isEqualTo(ChannelStatus.DORMANT);
        var dormant = events(channelId, EventCatalog.CHANNEL_DORMANT, 2, NO_MORE_WITHIN);
        assertThat(dormant).singleElement().satisfies(event -> assertThat(event.value()).contains(leader, "P1D"));

        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.CAMPAIGN_POST_PUBLISHED, "post-1",
                new CampaignPostPublished("post-1", "campaign-1", channelId, publishedAt, "https://instagr.am/p/1")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> channels.channel(channelId).orElseThrow().status() == ChannelStatus.ACTIVE);
        assertThat(channels.channel(channelId).orElseThrow().lastPublishedAt()).isEqualTo(publishedAt);

        activity(twoDaysLater).published(new CampaignPostPublished("post-0", "campaign-1", channelId,
                publishedAt.minusSeconds(3600), null));
        assertThat(channels.channel(channelId).orElseThrow().lastPublishedAt()).isEqualTo(publishedAt);
    }

    private String storeCredential(String channelId, Instant expiresAt) throws Exception {
        String token = "IGQWR" + UUID.randomUUID();
        http.perform(put("/api/campaigns/channels/" + channelId + "/credential").with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"accessToken\":\"" + token + "\",\"expiresAt\":\"" + expiresAt + "\"}"))
                .andExpect(status().isOk());
        return token;
    }

    private CredentialRefresh job(TokenRefresher refresher, Clock clock) {
        return new CredentialRefresh(mongo, cipher, refresher, events, relay, clock, PROPERTIES);
    }

    private ChannelActivity activity(Clock clock) {
        return new ChannelActivity(mongo, events, relay, clock);
    }

    /** Runs both at once, as two instances' jobs would. */
    private static void runTogether(Supplier<Integer> first, Supplier<Integer> second) {
        CompletableFuture.allOf(CompletableFuture.supplyAsync(first), CompletableFuture.supplyAsync(second)).join();
    }

    /** The time an API call takes, so that the two instances overlap. */
    private static void pause() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
