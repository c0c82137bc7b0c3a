package org.netzerocities.events.contract.campaign;

/** A member was appointed to or removed from a channel's leadership team or steering committee. */
public record ChannelTeamChanged(
        String channelId,
        String handle,
        String memberId,
        String role,
        String change) {
}
