package org.netzerocities.campaign.channel;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Engagement channels as the other features of campaign-service see them: who runs a channel (its leadership team
 * drafts and runs campaigns) and who approves (its steering committee), and the credentials publishing uses.
 * Appointments are kept here, never in tokens.
 */
public interface Channels {

    Optional<ChannelView> channel(String channelId);

    /** Every channel, the main one first. */
    List<ChannelView> all();

    /**
     * The access token publishing uses for the channel's Instagram account, decrypted for this call only; empty
     * when the channel has no usable credential (none stored, or expired).
     */
    Optional<AccessToken> accessToken(String channelId);

    enum ChannelStatus {
        ACTIVE,
        /** Missed its cadence for two periods (ChannelDormant); active again with its next published post. */
        DORMANT
    }

    /**
     * A channel: {@code city} is null for the main NZCommunities channel; {@code cadence} the posting target (one
     * post a week by default).
     */
    record ChannelView(String channelId, String handle, String city, String language, List<String> leadershipIds,
            List<String> steeringIds, Period cadence, ChannelStatus status, Instant lastPublishedAt) {

        public boolean isLeadership(String memberId) {
            return leadershipIds.contains(memberId);
        }

        public boolean isSteering(String memberId) {
            return steeringIds.contains(memberId);
        }
    }

    /** An Instagram professional account's id and a token for it; never logged, never stored in clear. */
    record AccessToken(String instagramAccountId, String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "AccessToken[instagramAccountId=" + instagramAccountId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
