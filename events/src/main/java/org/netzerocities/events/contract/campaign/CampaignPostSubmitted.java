package org.netzerocities.events.contract.campaign;

import java.util.List;

/** The leadership team submitted a post for the steering committee's approval. */
public record CampaignPostSubmitted(
        String postId,
        String campaignId,
        String channelId,
        String authorId,
        List<String> steeringIds) {
}
