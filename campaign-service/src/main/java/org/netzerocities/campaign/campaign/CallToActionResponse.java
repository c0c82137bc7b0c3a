package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CallToActionResponded;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's answers to a call to action's form. One per member and call, which the unique index keeps even when
 * the same member answers twice at once on two instances; removed when the member is erased.
 *
 * @param answers the answer per question id
 */
@Document(CallToActionResponse.COLLECTION)
@CompoundIndex(name = "campaign_member", def = "{'campaignId': 1, 'memberId': 1}", unique = true)
@CompoundIndex(name = "member", def = "{'memberId': 1}")
record CallToActionResponse(@Id String id, String campaignId, String memberId, Map<String, String> answers,
        Instant respondedAt, @Version Long version, List<PendingEvent> outbox) implements OutboxAggregate {

    static final String COLLECTION = "cta_responses";
    static final String CAMPAIGN_ID = "campaignId";
    static final String MEMBER_ID = "memberId";

    static CallToActionResponse of(String id, String campaignId, String memberId, Map<String, String> answers,
            Instant now, EventFactory events) {
        return new CallToActionResponse(id, campaignId, memberId, Map.copyOf(answers), now, null,
                List.of(events.create(EventCatalog.CALL_TO_ACTION_RESPONDED, campaignId,
                        new CallToActionResponded(campaignId, memberId, now))));
    }
}
