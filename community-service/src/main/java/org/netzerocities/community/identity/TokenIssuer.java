package org.netzerocities.community.identity;

import java.time.Clock;
import java.time.Instant;

import org.netzerocities.support.caller.Caller;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * Signs members' access tokens. The token carries what resource servers authorise on, as {@link Caller}
 * reads it: the member id ({@code sub}), the global roles ({@code roles}) and the city-bound roles with
 * their city ({@code grants}); plus the display name and home city. Roles granted later appear in the
 * next token the member obtains.
 */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final String keyId;
    private final IdentityProperties identity;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, RSAKey tokenSigningKey, IdentityProperties identity, Clock clock) {
        this.encoder = encoder;
        this.keyId = tokenSigningKey.getKeyID();
        this.identity = identity;
        this.clock = clock;
    }

    /** @param homeCity the member's city, or {@code null} for an operator account */
    public AccessToken issue(Caller caller, String displayName, String homeCity) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(identity.issuer())
                .subject(caller.memberId())
                .issuedAt(now)
                .expiresAt(now.plus(identity.tokenTtl()))
                .claim("name", displayName)
                .claims(all -> all.putAll(caller.roleClaims()));
        if (homeCity != null) {
            claims.claim("city", homeCity);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new AccessToken(token, "Bearer", identity.tokenTtl().toSeconds());
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }
}
