package org.netzerocities.community.member;

import java.util.Collection;

/**
 * Who may grant which role: an admin any role anywhere; a city's transition team may make members
 * frontrunners of its own city (its local champions) and nothing else.
 */
public final class RolePolicy {

    private RolePolicy() {
    }

    public static boolean mayGrant(Collection<RoleGrant> granterRoles, RoleGrant requested) {
        if (granterRoles.stream().anyMatch(g -> g.role() == Role.ADMIN)) {
            return true;
        }
        return requested.role() == Role.FRONTRUNNER && requested.city() != null
                && granterRoles.contains(new RoleGrant(Role.TRANSITION_TEAM, requested.city()));
    }
}
