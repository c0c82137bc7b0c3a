package org.netzerocities.support.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class PoliciesTest {

    private final Policies policies = new Policies();

    @Test
    void adminIsTheGlobalAdminRoleOnly() {
        assertThat(policies.isAdmin(token(List.of("MEMBER", "ADMIN")))).isTrue();
        assertThat(policies.isAdmin(token(List.of("MEMBER"), grant("TRANSITION_TEAM", "cluj-napoca")))).isFalse();
    }

    @Test
    void transitionTeamOfOneCityIsNotTheTransitionTeamOfAnother() {
        Authentication team = token(List.of("MEMBER"), grant("TRANSITION_TEAM", "cluj-napoca"));

        assertThat(policies.isTransitionTeamOf(team, "cluj-napoca")).isTrue();
        assertThat(policies.isTransitionTeamOf(team, "malmo")).isFalse();
        assertThat(policies.isTransitionTeam(team)).isTrue();
    }

    @Test
    void aFrontrunnerIsNeitherTransitionTeamNorAdmin() {
        Authentication frontrunner = token(List.of("MEMBER", "FRONTRUNNER"), grant("FRONTRUNNER", "cluj-napoca"));

        assertThat(policies.isTransitionTeamOf(frontrunner, "cluj-napoca")).isFalse();
        assertThat(policies.isTransitionTeam(frontrunner)).isFalse();
        assertThat(policies.isAdmin(frontrunner)).isFalse();
    }

    @Test
    void withoutACallerEveryRuleAnswersNo() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(policies.isAdmin(null)).isFalse();
        assertThat(policies.isAdmin(anonymous)).isFalse();
        assertThat(policies.isTransitionTeam(anonymous)).isFalse();
    }

    @Test
    void theResourceServersOwnAuthenticationAndATestTokenAnswerAlike() {
        Jwt jwt = jwt(List.of("ADMIN"), grant("TRANSITION_TEAM", "malmo"));
        var converted = CallerAuthentication.converter().convert(jwt);

        assertThat(policies.isAdmin(converted)).isTrue();
        assertThat(policies.isTransitionTeamOf(converted, "malmo")).isTrue();
        assertThat(policies.isAdmin(new JwtAuthenticationToken(jwt, List.of()))).isTrue();
        assertThat(policies.isTransitionTeamOf(new JwtAuthenticationToken(jwt, List.of()), "malmo")).isTrue();
    }

    static Authentication token(List<String> roles, Map<?, ?>... grants) {
        return CallerAuthentication.converter().convert(jwt(roles, grants));
    }

    static Jwt jwt(List<String> roles, Map<?, ?>... grants) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("m-1")
                .claim("roles", roles).claim("grants", List.of(grants)).build();
    }

    static Map<String, String> grant(String role, String city) {
        return Map.of("role", role, "city", city);
    }
}
