package org.netzerocities.support.caller;

import java.util.Collection;
import java.util.Optional;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * An authenticated bearer token together with the {@link Caller} read from it once. Only global roles
 * become {@code ROLE_*} authorities: city-bound roles are reachable through the caller alone, so that
 * {@code hasRole('FRONTRUNNER')} can never mean "a frontrunner of some city".
 */
public class CallerAuthentication extends JwtAuthenticationToken {

    private final Caller caller;

    private CallerAuthentication(Jwt jwt, Caller caller) {
        super(jwt, authorities(caller), caller.memberId());
        this.caller = caller;
    }

    /** The resource server's token converter. */
    public static Converter<Jwt, AbstractAuthenticationToken> converter() {
        return jwt -> {
            try {
                return new CallerAuthentication(jwt, Caller.fromClaims(jwt.getClaims()));
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidBearerTokenException("The token names no member", ex);
            }
        };
    }

    /**
     * The caller behind an authentication, if it carries one. Other bearer-token authentications (those
     * tests build, for instance) are read from their token.
     */
    public static Optional<Caller> callerOf(Authentication authentication) {
        if (authentication instanceof CallerAuthentication token) {
            return Optional.of(token.caller);
        }
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            try {
                return Optional.of(Caller.fromClaims(token.getToken().getClaims()));
            }
            catch (IllegalArgumentException ex) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public Caller caller() {
        return caller;
    }

    private static Collection<GrantedAuthority> authorities(Caller caller) {
        return caller.roles().stream().sorted()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }
}
