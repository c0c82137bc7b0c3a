package org.netzerocities.community.member;

import org.netzerocities.support.caller.CityRole;
import org.netzerocities.support.caller.GlobalRole;

/**
 * The roles a member can hold: global ones, and city-bound ones that hold in one city only (a transition
 * team and its frontrunners are local). A channel's leadership team and steering committee are not roles:
 * campaign-service keeps them with the channel.
 */
public enum Role {
    MEMBER(GlobalRole.MEMBER, null),
    FRONTRUNNER(null, CityRole.FRONTRUNNER),
    TRANSITION_TEAM(null, CityRole.TRANSITION_TEAM),
    FACILITATOR(GlobalRole.FACILITATOR, null),
    ADMIN(GlobalRole.ADMIN, null);

    private final GlobalRole global;
    private final CityRole cityRole;

    Role(GlobalRole global, CityRole cityRole) {
        this.global = global;
        this.cityRole = cityRole;
    }

    public boolean cityBound() {
        return cityRole != null;
    }

    /** As the token states it when global; {@code null} for a city-bound role. */
    GlobalRole global() {
        return global;
    }

    /** As the token states it when city-bound; {@code null} for a global role. */
    CityRole cityRole() {
        return cityRole;
    }
}
