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
 * their city ({@code grants}); plus the display name, home city and the session it was issued in ({@code sid},
 * so that the member's list of sessions can tell which one is theirs). Roles granted later appear in the next
 * token the member obtains, at the latest when it is refreshed.
 */
@Component
public class TokenIssuer {

    public static final String SESSION_CLAIM = "sid";

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

    /** A token of no session (tests sign their members' tokens so): it carries no {@code sid}. */
    public AccessToken issue(Caller caller, String displayName, String homeCity) {
        return issue(caller, displayName, homeCity, null);
    }

    /**
     * @param homeCity  the member's city, or {@code null} for an operator account
     * @param sessionId the session (the login and its refresh tokens) the token belongs to
     */
    public AccessToken issue(Caller caller, String displayName, String homeCity, String sessionId) {
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
        if (sessionId != null) {
            claims.claim(SESSION_CLAIM, sessionId);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new AccessToken(token, "Bearer", identity.tokenTtl().toSeconds());
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }
}
