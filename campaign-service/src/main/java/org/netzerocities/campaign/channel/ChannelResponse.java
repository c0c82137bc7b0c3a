package org.netzerocities.campaign.channel;

import java.time.Instant;
import java.util.List;

import org.netzerocities.campaign.channel.Channels.ChannelStatus;
import org.netzerocities.support.caller.Caller;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A channel as the routes show it. Anyone sees what the channel is and how it is doing; its team members' ids only
 * signed-in members (they are pseudonymous ids, but who runs a channel is the platform's business, not the open
 * web's); the credential's expiry only admins and the channel's teams. The token itself is never shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChannelResponse(String channelId, String handle, String city, String language, String instagramAccountId,
        String cadence, ChannelStatus status, Instant lastPublishedAt, Instant dormantSince, Instant createdAt,
        List<String> leadershipIds, List<String> steeringIds, CredentialStatus credential) {

    /** When the stored token expires and when it was stored; null when none is stored. */
    record CredentialStatus(Instant expiresAt, Instant updatedAt) {
    }

    /** {@code caller} null for a request without a token. */
    static ChannelResponse of(Channel channel, Caller caller) {
        var view = channel.view();
        boolean member = caller != null;
        boolean team = member && (caller.isAdmin() || channel.isOnTeam(caller.memberId()));
        Credential credential = channel.credential();
        return new ChannelResponse(view.channelId(), view.handle(), view.city(), view.language(),
                channel.instagramAccountId(), view.cadence().toString(), view.status(), view.lastPublishedAt(),
                channel.dormantSince(), channel.createdAt(), member ? view.leadershipIds() : null,
                member ? view.steeringIds() : null,
                team && credential != null ? new CredentialStatus(credential.expiresAt(), credential.updatedAt())
                        : null);
    }
}
