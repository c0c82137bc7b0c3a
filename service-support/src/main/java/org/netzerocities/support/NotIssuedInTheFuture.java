package org.netzerocities.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token issued later than now (beyond the clock skew the timestamp checks allow): no issuer of ours
 * makes one, so it is forged or made with a key that should not exist. The default checks read only {@code exp}
 * and {@code nbf}.
 */
public class NotIssuedInTheFuture implements OAuth2TokenValidator<Jwt> {

    /** The skew Spring Security's own timestamp validator allows. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Clock clock;

    public NotIssuedInTheFuture(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issuedAt = token.getIssuedAt();
        if (issuedAt != null && issuedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "The token is issued in the future", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
