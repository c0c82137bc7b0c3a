package org.netzerocities.events.contract.campaign;

import java.time.Instant;

/** A call to action invites members to a specific activity before a deadline. */
public record CallToActionLaunched(
        String campaignId,
        String campaignRef,
        String channelId,
        String city,
        String title,
        Instant deadline) {
}
