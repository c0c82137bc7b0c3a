package org.netzerocities.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.campaign.channel.Channels.ChannelStatus;
import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.campaign.campaign.CampaignPost.Status;
import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;

/** The shared-ownership workflow of a post: draft, submit, approve or reject, scheduled; and nothing else. */
class PostWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant AT = NOW.plusSeconds(86_400);
    private final EventFactory events = new EventFactory("/test", new EventCodec(),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> null);
    private final ChannelView channel = new ChannelView("channel-1", "NZCommunities_Cluj", "cluj-napoca", "ro",
            List.of("leader", "both"), List.of("steer", "both"), Period.ofDays(7), ChannelStatus.ACTIVE, null);

    private static PostRules.Content content(String caption) {
        return new PostRules.Content(caption, List.of("climate"), MediaKind.IMAGE,
                List.of("https://media.example.org/a.jpg"), List.of());
    }

    private CampaignPost draft(String author) {
        return CampaignPost.draft("post-1", "campaign-1", "channel-1", author, content("Hello"), NOW);
    }

    private static HttpStatus statusOf(Runnable transition) {
        try {
            transition.run();
        }
        catch (ApiProblem problem) {
            return HttpStatus.valueOf(problem.getStatusCode().value());
        }
        throw new AssertionError("the transition was allowed");
    }

    private static List<String> types(CampaignPost post) {
        return post.outbox().stream().map(PendingEvent::type).toList();
    }

    @Test
    void aSubmittedPostApprovedByTheCommitteeIsScheduledForItsTime() {
        CampaignPost post = draft("leader");
        post.submit(channel, "leader", NOW, events);
        post.approve(channel, "steer", "Lovely", AT, NOW, events);
        assertThat(post.status()).isEqualTo(Status.APPROVED);
        assertThat(post.toPublish().scheduledAt()).isEqualTo(AT);
        assertThat(post.toPublish().caption()).isEqualTo("Hello\n\n#climate");
        post.scheduled(NOW);

        assertThat(post.status()).isEqualTo(Status.SCHEDULED);
        assertThat(post.reviewerId()).isEqualTo("steer");
        assertThat(types(post)).containsExactly(EventCatalog.CAMPAIGN_POST_SUBMITTED.type(),
                EventCatalog.CAMPAIGN_POST_APPROVED.type());
    }

    @Test
    void aRejectedPostCanBeRevisedAndSubmittedAgain() {
        CampaignPost post = draft("leader");
        post.submit(channel, "leader", NOW, events);
        post.reject(channel, "steer", "Say who is in the picture", NOW, events);
        assertThat(post.status()).isEqualTo(Status.REJECTED);
        assertThat(post.reviewComment()).isEqualTo("Say who is in the picture");

        post.edit(content("Ana and Ion at the lane"), NOW);
        assertThat(post.status()).isEqualTo(Status.DRAFT);
        post.submit(channel, "leader", NOW, events);
        assertThat(post.status()).isEqualTo(Status.SUBMITTED);
        assertThat(types(post)).containsExactly(EventCatalog.CAMPAIGN_POST_SUBMITTED.type(),
                EventCatalog.CAMPAIGN_POST_REJECTED.type(), EventCatalog.CAMPAIGN_POST_SUBMITTED.type());
    }

    @Test
    void nothingIsApprovedOrHandedToPublishingWithoutBeingSubmitted() {
        CampaignPost post = draft("leader");
        assertThat(statusOf(() -> post.approve(channel, "steer", null, AT, NOW, events)))
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(statusOf(() -> post.reject(channel, "steer", "No", NOW, events))).isEqualTo(HttpStatus.CONFLICT);
        assertThatThrownBy(post::toPublish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> post.scheduled(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(post.status()).isEqualTo(Status.DRAFT);
        assertThat(post.outbox()).isEmpty();
    }

    @Test
    void aSubmittedOrApprovedPostCanNeitherBeEditedNorSubmittedNorReviewedAgain() {
        CampaignPost post = draft("leader");
        post.submit(channel, "leader", NOW, events);
        assertThat(statusOf(() -> post.edit(content("Changed behind the committee's back"), NOW)))
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(statusOf(() -> post.submit(channel, "leader", NOW, events))).isEqualTo(HttpStatus.CONFLICT);
        post.approve(channel, "steer", null, AT, NOW, events);
        assertThat(statusOf(() -> post.reject(channel, "steer", "Second thoughts", NOW, events)))
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(statusOf(() -> post.approve(channel, "steer", null, AT, NOW, events)))
                .isEqualTo(HttpStatus.CONFLICT);
        post.scheduled(NOW);
        assertThat(statusOf(() -> post.edit(content("Too late"), NOW))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post.content().caption()).isEqualTo("Hello");
    }

    @Test
    void theAuthorCannotReviewTheirOwnPostEvenWhenOnTheCommittee() {
        CampaignPost post = draft("both");
        post.submit(channel, "both", NOW, events);
        assertThat(statusOf(() -> post.approve(channel, "both", null, AT, NOW, events)))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(statusOf(() -> post.reject(channel, "both", "Mine", NOW, events))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post.status()).isEqualTo(Status.SUBMITTED);
    }
}
