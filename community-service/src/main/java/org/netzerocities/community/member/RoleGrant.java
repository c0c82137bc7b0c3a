package org.netzerocities.community.member;

/**
 * A role held by a member.
 *
 * @param city the city the role applies to, for city-bound roles; {@code null} otherwise
 */
public record RoleGrant(Role role, String city) {

    public static RoleGrant global(Role role) {
        return new RoleGrant(role, null);
    }
}
