package org.netzerocities.events.contract.campaign;

import java.time.Instant;
import java.util.List;

/** A channel missed its posting cadence for two periods in a row. */
public record ChannelDormant(
        String channelId,
        String handle,
        String city,
        Instant lastPublishedAt,
        String cadence,
        List<String> leadershipIds,
        List<String> steeringIds) {
}
