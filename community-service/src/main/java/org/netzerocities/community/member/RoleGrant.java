package org.netzerocities.community.member;

import java.util.Comparator;

/**
 * A role held by a member.
 *
 * @param city the city the role applies to, for city-bound roles; {@code null} otherwise
 */
public record RoleGrant(Role role, String city) {

    /** By role, then city: the order the API lists a member's roles in. */
    public static final Comparator<RoleGrant> ORDER = Comparator.comparing(RoleGrant::role)
            .thenComparing(grant -> grant.city() == null ? "" : grant.city());

    public static RoleGrant global(Role role) {
        return new RoleGrant(role, null);
    }
}
