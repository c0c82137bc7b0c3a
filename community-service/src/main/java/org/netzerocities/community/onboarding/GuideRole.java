package org.netzerocities.community.onboarding;

import java.util.ArrayList;
import java.util.List;

import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;
import org.netzerocities.support.caller.GlobalRole;

/** The roles that have a navigation guide; every member gets the MEMBER guide. */
enum GuideRole {
    MEMBER,
    FRONTRUNNER,
    TRANSITION_TEAM,
    FACILITATOR;

    static List<GuideRole> of(Caller caller) {
        List<GuideRole> roles = new ArrayList<>(List.of(MEMBER));
        if (caller.holdsAnywhere(CityRole.FRONTRUNNER)) {
            roles.add(FRONTRUNNER);
        }
        if (caller.holdsAnywhere(CityRole.TRANSITION_TEAM)) {
            roles.add(TRANSITION_TEAM);
        }
        if (caller.hasGlobal(GlobalRole.FACILITATOR)) {
            roles.add(FACILITATOR);
        }
        return roles;
    }
}
