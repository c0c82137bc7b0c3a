package org.netzerocities.events.contract.campaign;

import java.time.Instant;
import java.util.List;

/** A campaign of the engagement plan was launched on a channel. */
public record CampaignLaunched(
        String campaignId,
        String campaignRef,
        String channelId,
        String kind,
        String title,
        List<String> audience,
        String pillar,
        Instant startsAt,
        Instant endsAt) {
}
