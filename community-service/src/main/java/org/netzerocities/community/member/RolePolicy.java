package org.netzerocities.community.member;

import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;

/**
 * Who may grant which role: an admin any role anywhere; a city's transition team may make members
 * frontrunners of its own city (its local champions) and nothing else.
 */
final class RolePolicy {

    private RolePolicy() {
    }

    static boolean mayGrant(Caller granter, RoleGrant requested) {
        if (granter.isAdmin()) {
            return true;
        }
        return requested.role() == Role.FRONTRUNNER && requested.city() != null
                && granter.holds(CityRole.TRANSITION_TEAM, requested.city());
    }
}
