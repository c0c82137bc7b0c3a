package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as the API and its author's data export show it; {@code createdBy} is null once that member was
 * erased. Exactly one of the details blocks is set, the one of its kind.
 */
public record CampaignView(String id, String campaignRef, String channelId, String city, CampaignKind kind,
        String title, String description, List<TargetAudience> audience, NarrativePillar pillar, SubTheme subTheme,
        Instant startsAt, Instant endsAt, NewCampaign.KpiTargets kpis, NewCampaign.Series series,
        NewCampaign.Collaboration collaboration, NewCampaign.Content content, NewCampaign.CallToAction callToAction,
        String createdBy, Instant launchedAt) {

    static CampaignView of(Campaign c) {
        return new CampaignView(c.id(), c.campaignRef(), c.channelId(), c.city(), c.kind(), c.title(),
                c.description(), c.audience(), c.pillar(), c.subTheme(), c.startsAt(), c.endsAt(), c.kpis(),
                c.series(), c.collaboration(), c.content(), c.callToAction(), c.createdBy(), c.launchedAt());
    }
}
