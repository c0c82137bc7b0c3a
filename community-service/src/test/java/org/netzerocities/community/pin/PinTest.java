package org.netzerocities.community.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.member.Role;
import org.netzerocities.community.member.RoleGrant;

class PinTest {

    private static final RoleGrant MEMBER = RoleGrant.global(Role.MEMBER);

    @Test
    void pinsOfTheCitysFrontrunnersAndTransitionTeamCanBeFeatured() {
        assertThat(Pin.featurable(Set.of(MEMBER, new RoleGrant(Role.FRONTRUNNER, "aarhus")), "aarhus")).isTrue();
        assertThat(Pin.featurable(Set.of(MEMBER, new RoleGrant(Role.TRANSITION_TEAM, "aarhus")), "aarhus")).isTrue();
    }

    @Test
    void pinsOfPlainMembersAdminsFacilitatorsAndOtherCitiesFrontrunnersCannot() {
        assertThat(Pin.featurable(Set.of(MEMBER), "aarhus")).isFalse();
        assertThat(Pin.featurable(Set.of(MEMBER, RoleGrant.global(Role.ADMIN), RoleGrant.global(Role.FACILITATOR)),
                "aarhus")).isFalse();
        assertThat(Pin.featurable(Set.of(MEMBER, new RoleGrant(Role.FRONTRUNNER, "tartu"),
                new RoleGrant(Role.TRANSITION_TEAM, "tartu")), "aarhus")).isFalse();
    }
}
