package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RolePolicyTest {

    @Test
    void adminMayGrantAnyRoleAnywhere() {
        var admin = List.of(RoleGrant.global(Role.MEMBER), RoleGrant.global(Role.ADMIN));

        assertThat(RolePolicy.mayGrant(admin, new RoleGrant(Role.TRANSITION_TEAM, "malmo"))).isTrue();
        assertThat(RolePolicy.mayGrant(admin, RoleGrant.global(Role.STEERING_COMMITTEE))).isTrue();
    }

    @Test
    void transitionTeamMayMakeFrontrunnersOfItsOwnCityOnly() {
        var team = List.of(RoleGrant.global(Role.MEMBER), new RoleGrant(Role.TRANSITION_TEAM, "cluj-napoca"));

        assertThat(RolePolicy.mayGrant(team, new RoleGrant(Role.FRONTRUNNER, "cluj-napoca"))).isTrue();
        assertThat(RolePolicy.mayGrant(team, new RoleGrant(Role.FRONTRUNNER, "malmo"))).isFalse();
        assertThat(RolePolicy.mayGrant(team, new RoleGrant(Role.TRANSITION_TEAM, "cluj-napoca"))).isFalse();
        assertThat(RolePolicy.mayGrant(team, RoleGrant.global(Role.FACILITATOR))).isFalse();
    }

    @Test
    void plainMemberMayGrantNothing() {
        assertThat(RolePolicy.mayGrant(List.of(RoleGrant.global(Role.MEMBER)),
                new RoleGrant(Role.FRONTRUNNER, "cluj-napoca"))).isFalse();
    }
}
