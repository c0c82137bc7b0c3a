package org.netzerocities.campaign.channel;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The two teams of a channel, as ChannelTeamChanged names them. */
enum TeamRole {
    /** Volunteer citizens who draft and run the channel's campaigns. */
    LEADERSHIP_TEAM,
    /** NZC consortium members who give direction and approve posts. */
    STEERING_COMMITTEE;

    /** By name only: Jackson would otherwise take a number as the role at that position. */
    @JsonCreator
    static TeamRole named(String name) {
        return valueOf(name);
    }
}
