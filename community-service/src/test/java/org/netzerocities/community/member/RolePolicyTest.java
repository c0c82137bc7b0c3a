package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityGrant;
import org.netzerocities.support.caller.CityRole;
import org.netzerocities.support.caller.GlobalRole;

class RolePolicyTest {

    @Test
    void adminMayGrantAnyRoleAnywhere() {
        var admin = caller(Set.of(GlobalRole.MEMBER, GlobalRole.ADMIN));

        assertThat(RolePolicy.mayGrant(admin, new RoleGrant(Role.TRANSITION_TEAM, "malmo"))).isTrue();
        assertThat(RolePolicy.mayGrant(admin, RoleGrant.global(Role.FACILITATOR))).isTrue();
    }

    @Test
    void transitionTeamMayMakeFrontrunnersOfItsOwnCityOnly() {
        var team = caller(Set.of(GlobalRole.MEMBER), new CityGrant(CityRole.TRANSITION_TEAM, "cluj-napoca"));

        assertThat(RolePolicy.mayGrant(team, new RoleGrant(Role.FRONTRUNNER, "cluj-napoca"))).isTrue();
        assertThat(RolePolicy.mayGrant(team, new RoleGrant(Role.FRONTRUNNER, "malmo"))).isFalse();
        assertThat(RolePolicy.mayGrant(team, new RoleGrant(Role.TRANSITION_TEAM, "cluj-napoca"))).isFalse();
        assertThat(RolePolicy.mayGrant(team, RoleGrant.global(Role.FACILITATOR))).isFalse();
    }

    @Test
    void frontrunnerMayGrantNothingNotEvenInItsCity() {
        var frontrunner = caller(Set.of(GlobalRole.MEMBER), new CityGrant(CityRole.FRONTRUNNER, "cluj-napoca"));

        assertThat(RolePolicy.mayGrant(frontrunner, new RoleGrant(Role.FRONTRUNNER, "cluj-napoca"))).isFalse();
        assertThat(RolePolicy.mayGrant(frontrunner, new RoleGrant(Role.TRANSITION_TEAM, "cluj-napoca"))).isFalse();
    }

    @Test
    void plainMemberMayGrantNothing() {
        assertThat(RolePolicy.mayGrant(caller(Set.of(GlobalRole.MEMBER)),
                new RoleGrant(Role.FRONTRUNNER, "cluj-napoca"))).isFalse();
    }

    private static Caller caller(Set<GlobalRole> roles, CityGrant... grants) {
        return new Caller("granter", roles, Set.of(grants));
    }
}
