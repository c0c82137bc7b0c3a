package org.netzerocities.events.contract.campaign;

import java.util.List;

/** A post could not be published; the leadership team must act. */
public record CampaignPostPublishFailed(
        String postId,
        String campaignId,
        String channelId,
        String reason,
        List<String> leadershipIds) {
}
