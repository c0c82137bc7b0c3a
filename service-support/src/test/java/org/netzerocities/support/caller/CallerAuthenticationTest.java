package org.netzerocities.support.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class CallerAuthenticationTest {

    @Test
    void onlyGlobalRolesBecomeAuthorities() {
        // an old-style token still listing its city-bound role among the global ones
        Jwt frontrunner = Jwt.withTokenValue("token").header("alg", "RS256").subject("m-1")
                .claim("roles", List.of("MEMBER", "FRONTRUNNER", "FACILITATOR"))
                .claim("grants", List.of(Map.of("role", "FRONTRUNNER", "city", "cluj-napoca")))
                .build();

        var authentication = (CallerAuthentication) CallerAuthentication.converter().convert(frontrunner);

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_MEMBER", "ROLE_FACILITATOR");
        assertThat(authentication.getName()).isEqualTo("m-1");
        assertThat(authentication.caller().holds(CityRole.FRONTRUNNER, "cluj-napoca")).isTrue();
    }

    @Test
    void aTokenWithoutSubjectIsAnInvalidBearerToken() {
        Jwt anonymous = Jwt.withTokenValue("token").header("alg", "RS256").claim("roles", List.of("ADMIN")).build();

        assertThatExceptionOfType(InvalidBearerTokenException.class)
                .isThrownBy(() -> CallerAuthentication.converter().convert(anonymous));
    }
}
