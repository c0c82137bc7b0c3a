package org.netzerocities.notification.routing;

import static org.netzerocities.notification.contact.Audiences.TRANSITION_TEAM;

import java.util.List;
import java.util.stream.Stream;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CallToActionLaunched;
import org.netzerocities.events.contract.campaign.CampaignPostApproved;
import org.netzerocities.events.contract.campaign.CampaignPostPublishFailed;
import org.netzerocities.events.contract.campaign.CampaignPostRejected;
import org.netzerocities.events.contract.campaign.CampaignPostSubmitted;
import org.netzerocities.events.contract.campaign.ChannelCredentialExpiring;
import org.netzerocities.events.contract.campaign.ChannelDormant;
import org.netzerocities.events.contract.campaign.ChannelTeamChanged;
import org.netzerocities.events.contract.campaign.EngagementPlanShared;
import org.netzerocities.notification.contact.Audiences;
import org.netzerocities.notification.delivery.Kind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who hears of campaign-service's channels, calls to action and post approvals: the teams the events name. */
@Configuration(proxyBeanMethods = false)
class CampaignRouting {

    @Bean
    EventHandler<ChannelCredentialExpiring> routeChannelCredentialExpiring(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CHANNEL_CREDENTIAL_EXPIRING, (expiring, event) -> notifier.send(event,
                Notice.of(Kind.CHANNEL_CREDENTIAL_EXPIRING, teams(expiring.leadershipIds(), expiring.steeringIds()),
                        channelLink(expiring.channelId()))
                        .with("handle", expiring.handle(), "expiresAt", expiring.expiresAt())));
    }

    @Bean
    EventHandler<ChannelTeamChanged> routeChannelTeamChanged(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CHANNEL_TEAM_CHANGED, (changed, event) -> notifier.send(event,
                Notice.to("REMOVED".equals(changed.change()) ? Kind.CHANNEL_TEAM_REMOVED : Kind.CHANNEL_TEAM_APPOINTED,
                        changed.memberId(), channelLink(changed.channelId())).with("handle", changed.handle())));
    }

    @Bean
    EventHandler<ChannelDormant> routeChannelDormant(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CHANNEL_DORMANT, (dormant, event) -> notifier.send(event,
                Notice.of(Kind.CHANNEL_DORMANT, teams(dormant.leadershipIds(), dormant.steeringIds()),
                        channelLink(dormant.channelId()))
                        .with("handle", dormant.handle(), "lastPublishedAt", dormant.lastPublishedAt())));
    }

    /** A city channel's call goes to the city's members; the main channel's (no city) to every member. */
    @Bean
    EventHandler<CallToActionLaunched> routeCallToActionLaunched(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.CALL_TO_ACTION_LAUNCHED, (launched, event) -> notifier.send(event,
                Notice.of(Kind.CALL_TO_ACTION,
                        launched.city() == null ? audiences.everyone() : audiences.ofCity(launched.city()),
                        "/campaigns/campaigns/" + launched.campaignId())
                        .with("title", launched.title(), "deadline", launched.deadline())));
    }

    @Bean
    EventHandler<CampaignPostSubmitted> routeCampaignPostSubmitted(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CAMPAIGN_POST_SUBMITTED, (submitted, event) -> notifier.send(event,
                Notice.of(Kind.CAMPAIGN_POST_SUBMITTED, submitted.steeringIds(), postLink(submitted.postId()))
                        .notTo(submitted.authorId())));
    }

    @Bean
    EventHandler<CampaignPostApproved> routeCampaignPostApproved(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CAMPAIGN_POST_APPROVED, (approved, event) -> notifier.send(event,
                Notice.of(Kind.CAMPAIGN_POST_APPROVED, approved.leadershipIds(), postLink(approved.postId()))
                        .with("comment", approved.comment()).notTo(approved.reviewerId())));
    }

    @Bean
    EventHandler<CampaignPostRejected> routeCampaignPostRejected(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CAMPAIGN_POST_REJECTED, (rejected, event) -> notifier.send(event,
                Notice.of(Kind.CAMPAIGN_POST_REJECTED, rejected.leadershipIds(), postLink(rejected.postId()))
                        .with("comment", rejected.comment()).notTo(rejected.reviewerId())));
    }

    @Bean
    EventHandler<CampaignPostPublishFailed> routeCampaignPostPublishFailed(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.CAMPAIGN_POST_PUBLISH_FAILED, (failed, event) -> notifier.send(event,
                Notice.of(Kind.CAMPAIGN_POST_PUBLISH_FAILED, failed.leadershipIds(), postLink(failed.postId()))
                        .with("reason", failed.reason())));
    }

    @Bean
    EventHandler<EngagementPlanShared> routeEngagementPlanShared(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.ENGAGEMENT_PLAN_SHARED, (shared, event) -> notifier.send(event,
                Notice.of(Kind.ENGAGEMENT_PLAN_SHARED, audiences.withCityRole(shared.city(), TRANSITION_TEAM),
                        "/campaigns/engagement-plans/" + shared.planId())
                        .with("title", shared.title()).notTo(shared.memberId())));
    }

    private static List<String> teams(List<String> leadershipIds, List<String> steeringIds) {
        return Stream.of(leadershipIds, steeringIds).flatMap(List::stream).toList();
    }

    private static String channelLink(String channelId) {
        return "/campaigns/channels/" + channelId;
    }

    private static String postLink(String postId) {
        return "/campaigns/posts/" + postId;
    }
}
