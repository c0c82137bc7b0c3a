package org.netzerocities.events.contract.campaign;

import java.util.List;

/** The steering committee approved a post; it may now be scheduled and published. */
public record CampaignPostApproved(
        String postId,
        String campaignId,
        String channelId,
        String reviewerId,
        String comment,
        List<String> leadershipIds) {
}
