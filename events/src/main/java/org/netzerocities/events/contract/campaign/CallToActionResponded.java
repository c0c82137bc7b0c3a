package org.netzerocities.events.contract.campaign;

import java.time.Instant;

/** A member responded to a call to action (the answers stay in campaign-service). */
public record CallToActionResponded(
        String campaignId,
        String memberId,
        Instant respondedAt) {
}
