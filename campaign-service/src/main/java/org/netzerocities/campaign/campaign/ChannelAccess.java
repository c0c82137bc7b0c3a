package org.netzerocities.campaign.campaign;

import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.stereotype.Component;

/**
 * Who may do what on a channel's campaigns: the appointments are the channel's (leadership team, steering
 * committee), never token roles, except that admins may read everything and launch campaigns.
 */
@Component
class ChannelAccess {

    private final Channels channels;

    ChannelAccess(Channels channels) {
        this.channels = channels;
    }

    /** The channel a stored campaign or post belongs to. */
    ChannelView of(String channelId) {
        return channels.channel(channelId)
                .orElseThrow(() -> new IllegalStateException("Channel " + channelId + " is gone"));
    }

    /** The channel a request names. @throws ApiProblem 400 when no such channel exists */
    ChannelView named(String channelId) {
        return channels.channel(channelId).orElseThrow(() -> ApiProblem.invalid("channelId", "is not a channel"));
    }

    /** The channel a route's path names. @throws ApiProblem 404 when no such channel exists */
    ChannelView existing(String channelId) {
        return channels.channel(channelId).orElseThrow(() -> ApiProblem.notFound("Channel " + channelId));
    }

    static boolean onTeam(ChannelView channel, String memberId) {
        return channel.isLeadership(memberId) || channel.isSteering(memberId);
    }

    /** The channel's leadership team and steering committee, and admins. */
    static boolean mayRead(ChannelView channel, Caller caller) {
        return caller.isAdmin() || onTeam(channel, caller.memberId());
    }

    static void requireLeadership(ChannelView channel, Caller caller) {
        if (!channel.isLeadership(caller.memberId())) {
            throw ApiProblem.forbidden("Only the leadership team of " + channel.handle() + " may do this");
        }
    }

    static void requireSteering(ChannelView channel, Caller caller) {
        if (!channel.isSteering(caller.memberId())) {
            throw ApiProblem.forbidden("Only the steering committee of " + channel.handle() + " may review posts");
        }
    }

    static void requireReader(ChannelView channel, Caller caller) {
        if (!mayRead(channel, caller)) {
            throw ApiProblem.forbidden("Only the teams of " + channel.handle() + " and admins may see this");
        }
    }
}
