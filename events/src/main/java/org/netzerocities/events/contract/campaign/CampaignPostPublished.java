package org.netzerocities.events.contract.campaign;

import java.time.Instant;

/** A post reached its channel. */
public record CampaignPostPublished(
        String postId,
        String campaignId,
        String channelId,
        Instant publishedAt,
        String permalink) {
}
