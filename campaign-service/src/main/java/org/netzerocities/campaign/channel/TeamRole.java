package org.netzerocities.campaign.channel;

/** The two teams of a channel, as ChannelTeamChanged names them. */
enum TeamRole {
    /** Volunteer citizens who draft and run the channel's campaigns. */
    LEADERSHIP_TEAM,
    /** NZC consortium members who give direction and approve posts. */
    STEERING_COMMITTEE
}
