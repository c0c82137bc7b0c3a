package org.netzerocities.events.contract.campaign;

import java.time.Instant;

/** An admin created an engagement channel: the main NZCommunities account or a city's NZCommunities_<City>. */
public record ChannelCreated(
        String channelId,
        String handle,
        String city,
        String language,
        Instant createdAt) {
}
