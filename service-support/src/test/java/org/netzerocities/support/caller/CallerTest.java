package org.netzerocities.support.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsTheMemberItsGlobalRolesAndItsCityGrants() {
        Caller caller = Caller.fromClaims(Map.of("sub", "m-1",
                "roles", List.of("MEMBER", "FACILITATOR"),
                "grants", List.of(Map.of("role", "TRANSITION_TEAM", "city", "cluj-napoca"))));

        assertThat(caller.memberId()).isEqualTo("m-1");
        assertThat(caller.roles()).containsExactlyInAnyOrder(GlobalRole.MEMBER, GlobalRole.FACILITATOR);
        assertThat(caller.grants()).containsExactly(new CityGrant(CityRole.TRANSITION_TEAM, "cluj-napoca"));
        assertThat(caller.hasGlobal(GlobalRole.FACILITATOR)).isTrue();
        assertThat(caller.isAdmin()).isFalse();
    }

    @Test
    void aCityBoundRoleHoldsInItsCityOnly() {
        Caller frontrunner = caller(Set.of(GlobalRole.MEMBER), new CityGrant(CityRole.FRONTRUNNER, "cluj-napoca"));

        assertThat(frontrunner.holds(CityRole.FRONTRUNNER, "cluj-napoca")).isTrue();
        assertThat(frontrunner.holds(CityRole.FRONTRUNNER, "malmo")).isFalse();
        assertThat(frontrunner.holds(CityRole.TRANSITION_TEAM, "cluj-napoca")).isFalse();
        assertThat(frontrunner.holds(CityRole.FRONTRUNNER, null)).isFalse();
        assertThat(frontrunner.holdsAnywhere(CityRole.FRONTRUNNER)).isTrue();
        assertThat(frontrunner.holdsAnywhere(CityRole.TRANSITION_TEAM)).isFalse();
    }

    @Test
    void missingRoleClaimsGrantNothing() {
        Caller caller = Caller.fromClaims(Map.of("sub", "m-1"));

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.grants()).isEmpty();
    }

    @Test
    void unknownRolesAndCityRolesListedAsGlobalAreIgnored() {
        // tokens issued before city roles moved to `grants` listed FRONTRUNNER among the global roles
        Caller caller = Caller.fromClaims(Map.of("sub", "m-1",
                "roles", List.of("MEMBER", "WIZARD", "FRONTRUNNER", "TRANSITION_TEAM", "admin", "LEADERSHIP_TEAM")));

        assertThat(caller.roles()).containsExactly(GlobalRole.MEMBER);
        assertThat(caller.grants()).isEmpty();
    }

    @Test
    void malformedClaimsAreIgnoredRatherThanFailing() {
        Map<String, Object> nullCity = new HashMap<>();
        nullCity.put("role", "FRONTRUNNER");
        nullCity.put("city", null);

        Caller caller = Caller.fromClaims(Map.of("sub", "m-1",
                "roles", List.of(42, List.of("ADMIN"), Map.of("role", "ADMIN")),
                "grants", List.of("TRANSITION_TEAM", 7, List.of("FRONTRUNNER", "malmo"), nullCity,
                        Map.of("role", "FRONTRUNNER"),
                        Map.of("role", "FRONTRUNNER", "city", " "),
                        Map.of("role", "FRONTRUNNER", "city", 12),
                        Map.of("role", "ADMIN", "city", "malmo"),
                        Map.of("role", List.of("TRANSITION_TEAM"), "city", "malmo"),
                        Map.of("role", "FRONTRUNNER", "city", "malmo"))));

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.grants()).containsExactly(new CityGrant(CityRole.FRONTRUNNER, "malmo"));
        assertThat(Caller.fromClaims(Map.of("sub", "m-1", "roles", "ADMIN", "grants", "cluj-napoca")).roles())
                .isEmpty();
    }

    @Test
    void aTokenThatNamesNoMemberIsNoCaller() {
        assertThatIllegalArgumentException().isThrownBy(() -> Caller.fromClaims(Map.of("roles", List.of("ADMIN"))));
        assertThatIllegalArgumentException().isThrownBy(() -> Caller.fromClaims(Map.of("sub", " ")));
        assertThatIllegalArgumentException().isThrownBy(() -> Caller.fromClaims(Map.of("sub", 42)));
    }

    @Test
    void roleClaimsReadBackToTheSameCallerAndKeepCityRolesOutOfRoles() {
        Caller team = caller(Set.of(GlobalRole.MEMBER, GlobalRole.ADMIN),
                new CityGrant(CityRole.TRANSITION_TEAM, "malmo"), new CityGrant(CityRole.FRONTRUNNER, "cluj-napoca"));

        Map<String, Object> claims = new HashMap<>(team.roleClaims());
        assertThat(claims).containsEntry("roles", List.of("MEMBER", "ADMIN"))
                .containsEntry("grants", List.of(Map.of("role", "FRONTRUNNER", "city", "cluj-napoca"),
                        Map.of("role", "TRANSITION_TEAM", "city", "malmo")));
        claims.put("sub", team.memberId());
        assertThat(Caller.fromClaims(claims)).isEqualTo(team);
    }

    static Caller caller(Set<GlobalRole> roles, CityGrant... grants) {
        return new Caller("m-1", roles, Set.of(grants));
    }
}
