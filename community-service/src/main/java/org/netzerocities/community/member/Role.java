package org.netzerocities.community.member;

/** Platform roles; they travel as the {@code roles} claim of the member's tokens. */
public enum Role {
    MEMBER,
    FRONTRUNNER,
    TRANSITION_TEAM,
    FACILITATOR,
    LEADERSHIP_TEAM,
    STEERING_COMMITTEE,
    ADMIN;

    /** Roles that only mean something for one city: a transition team and its frontrunners are local. */
    public boolean cityBound() {
        return this == FRONTRUNNER || this == TRANSITION_TEAM;
    }
}
