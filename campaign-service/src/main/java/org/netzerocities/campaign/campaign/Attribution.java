package org.netzerocities.campaign.campaign;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member who joined the platform through a campaign's link (MemberJoined with its {@code campaignRef}). The
 * unique {@code memberId} counts each member once however often the event arrives; when the member is erased it is
 * replaced by a token that names no one, so the campaign keeps its count without keeping the member.
 */
@Document(Attribution.COLLECTION)
record Attribution(@Id String id, @Indexed(unique = true) String memberId, @Indexed String campaignId,
        Instant joinedAt) {

    static final String COLLECTION = "campaign_attributions";
    static final String MEMBER_ID = "memberId";
    static final String CAMPAIGN_ID = "campaignId";
    /** What an erased member's id becomes: unique still, and no one's. */
    static final String ERASED_PREFIX = "erased:";
}
