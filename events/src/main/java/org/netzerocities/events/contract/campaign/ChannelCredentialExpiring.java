package org.netzerocities.events.contract.campaign;

import java.time.Instant;
import java.util.List;

/** A channel's access token could not be refreshed and will expire: its teams must renew it. */
public record ChannelCredentialExpiring(
        String channelId,
        String handle,
        Instant expiresAt,
        String reason,
        List<String> leadershipIds,
        List<String> steeringIds) {
}
