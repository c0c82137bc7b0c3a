package org.netzerocities.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.campaign.CallToActionLaunched;
import org.netzerocities.events.contract.campaign.CampaignPostApproved;
import org.netzerocities.events.contract.campaign.CampaignPostPublishFailed;
import org.netzerocities.events.contract.campaign.CampaignPostRejected;
import org.netzerocities.events.contract.campaign.CampaignPostSubmitted;
import org.netzerocities.events.contract.campaign.ChannelCredentialExpiring;
import org.netzerocities.events.contract.campaign.ChannelDormant;
import org.netzerocities.events.contract.campaign.ChannelTeamChanged;
import org.netzerocities.events.contract.campaign.EngagementPlanShared;
import org.netzerocities.notification.delivery.Kind;

class CampaignRoutingTest extends RoutingFixture {

    static final Instant AT = Instant.parse("2027-01-15T09:30:00Z");

    final CampaignRouting routing = new CampaignRouting();

    @Test
    void aCityChannelsCallToActionReachesThatCitysMembersAndTheMainChannelsEveryone() {
        String lyon = member("lyon");
        String cluj = member("cluj-napoca");

        deliver(routing.routeCallToActionLaunched(notifier, audiences),
                new CallToActionLaunched("camp-1", "ref-1", "ch-lyon", "lyon", "Car-free Sunday", AT));
        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.CALL_TO_ACTION, List.of(lyon)));

        calls.clear();
        deliver(routing.routeCallToActionLaunched(notifier, audiences),
                new CallToActionLaunched("camp-2", "ref-2", "ch-main", null, "Earth hour", AT));
        assertThat(recipientsByKind().get(Kind.CALL_TO_ACTION)).containsExactlyInAnyOrder(lyon, cluj);
        assertThat(sent().get(cluj).link()).isEqualTo("/campaigns/campaigns/camp-2");
        assertThat(sent().get(cluj).params()).containsEntry("deadline", "2027-01-15 09:30 UTC");
    }

    @Test
    void channelWarningsReachBothTeamsOnce() {
        deliver(routing.routeChannelCredentialExpiring(notifier), new ChannelCredentialExpiring("ch-1", "nzc_lyon", AT,
                "token expiry", List.of("lead-1", "both"), List.of("steer-1", "both")));
        deliver(routing.routeChannelDormant(notifier), new ChannelDormant("ch-1", "nzc_lyon", "lyon", AT, "WEEKLY",
                List.of("lead-1"), List.of()));

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.CHANNEL_CREDENTIAL_EXPIRING, List.of("lead-1", "both", "steer-1"),
                Kind.CHANNEL_DORMANT, List.of("lead-1")));
    }

    @Test
    void anAppointmentOrRemovalReachesTheMember() {
        deliver(routing.routeChannelTeamChanged(notifier),
                new ChannelTeamChanged("ch-1", "nzc_lyon", "ana", "LEADERSHIP_TEAM", "APPOINTED"));
        deliver(routing.routeChannelTeamChanged(notifier),
                new ChannelTeamChanged("ch-1", "nzc_lyon", "ben", "STEERING_COMMITTEE", "REMOVED"));

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.CHANNEL_TEAM_APPOINTED, List.of("ana"), Kind.CHANNEL_TEAM_REMOVED, List.of("ben")));
        assertThat(sent().get("ana").params()).containsEntry("handle", "nzc_lyon");
    }

    @Test
    void postsGoToTheSteeringCommitteeAndTheirFateToTheLeadershipButNoOneHearsOfTheirOwnAction() {
        deliver(routing.routeCampaignPostSubmitted(notifier),
                new CampaignPostSubmitted("p-1", "camp-1", "ch-1", "lead-1", List.of("steer-1", "lead-1")));
        deliver(routing.routeCampaignPostApproved(notifier),
                new CampaignPostApproved("p-1", "camp-1", "ch-1", "steer-1", null, List.of("lead-1", "steer-1")));
        deliver(routing.routeCampaignPostRejected(notifier),
                new CampaignPostRejected("p-2", "camp-1", "ch-1", "steer-1", "Too long", List.of("lead-2")));
        deliver(routing.routeCampaignPostPublishFailed(notifier),
                new CampaignPostPublishFailed("p-3", "camp-1", "ch-1", "Token expired", List.of("lead-3")));

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.CAMPAIGN_POST_SUBMITTED, List.of("steer-1"),
                Kind.CAMPAIGN_POST_APPROVED, List.of("lead-1"),
                Kind.CAMPAIGN_POST_REJECTED, List.of("lead-2"),
                Kind.CAMPAIGN_POST_PUBLISH_FAILED, List.of("lead-3")));
        assertThat(sent().get("lead-1").link()).isEqualTo("/campaigns/posts/p-1");
    }

    @Test
    void aSharedEngagementPlanReachesTheCitysTransitionTeamButNotItsAuthor() {
        String team = transitionTeam("lyon");
        String authorOnTheTeam = transitionTeam("lyon");
        transitionTeam("cluj-napoca");

        deliver(routing.routeEngagementPlanShared(notifier, audiences),
                new EngagementPlanShared("plan-1", authorOnTheTeam, "lyon", "Schools first"));

        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.ENGAGEMENT_PLAN_SHARED, List.of(team)));
    }
}
