package org.netzerocities.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.campaign.channel.Channels.ChannelStatus;
import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.campaign.publishing.Publications.PublicationView;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;

/** Measured KPIs from published posts' metrics, and a call's answers checked against its form. */
class CampaignKpisTest {

    private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    private static Campaign campaign() {
        ChannelView channel = new ChannelView("channel-1", "NZCommunities_Cluj", "cluj-napoca", "ro", List.of(),
                List.of(), Period.ofDays(7), ChannelStatus.ACTIVE, null);
        EventFactory events = new EventFactory("/test", new EventCodec(), Clock.systemUTC(), () -> null);
        return Campaign.launch("campaign-1", "voices-1", Samples.campaign(CampaignKind.CALL_TO_ACTION), channel,
                "leader", Samples.NOW, events);
    }

    private static PublicationView published(Map<String, Long> metrics, Instant collectedAt) {
        return new PublicationView("post", "campaign-1", "channel-1", PublicationStatus.PUBLISHED, AT, AT,
                "https://instagram.com/p/1", null, metrics, collectedAt);
    }

    @Test
    void reachAddsUpAndEngagementIsInteractionsPerReachInPercent() {
        KpiReport report = CampaignKpis.measure(campaign(), 3, List.of(
                published(Map.of("reach", 1000L, "likes", 30L, "comments", 5L, "saves", 3L, "shares", 2L), AT),
                published(Map.of("reach", 3000L, "likes", 60L), AT.plusSeconds(60)),
                published(null, null)), 7, 4);

        assertThat(report.measured().reach()).isEqualTo(4000);
        assertThat(report.measured().engagements()).isEqualTo(100);
        assertThat(report.measured().engagementRate()).isEqualTo(2.5);
        assertThat(report.measured().responses()).isEqualTo(7);
        assertThat(report.measured().newMembers()).isEqualTo(4);
        assertThat(report.publishedPosts()).isEqualTo(3);
        assertThat(report.metricsCollectedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(report.targets().reach()).isEqualTo(10_000);
    }

    @Test
    void withoutReachThereIsNoEngagementRate() {
        KpiReport report = CampaignKpis.measure(campaign(), 1, List.of(), 0, 0);
        assertThat(report.measured().engagementRate()).isNull();
        assertThat(report.metricsCollectedAt()).isNull();
    }

    @Test
    void answersFitTheFormRequiredOnesGivenBlankOnesDropped() {
        NewCampaign.CallToAction call = Samples.call(AT);
        assertThat(CallsToAction.checked(call, Map.of("street", " Rua Augusta ", "why", " ")))
                .containsExactly(Map.entry("street", "Rua Augusta"));
        assertThatThrownBy(() -> CallsToAction.checked(call, Map.of("why", "Safer"))).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> CallsToAction.checked(call, Map.of("street", "x", "other", "y")))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void aCallAcceptsResponsesUntilItsDeadlineOnly() {
        Campaign call = campaign();
        Instant deadline = call.callToAction().deadline();
        assertThat(call.acceptsResponsesAt(deadline.minusMillis(1))).isTrue();
        assertThat(call.acceptsResponsesAt(deadline)).isFalse();
    }
}
