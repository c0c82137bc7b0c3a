package org.netzerocities.events.contract.campaign;

import java.util.List;

/** The steering committee rejected a post with a comment; the leadership team may revise it. */
public record CampaignPostRejected(
        String postId,
        String campaignId,
        String channelId,
        String reviewerId,
        String comment,
        List<String> leadershipIds) {
}
