package org.netzerocities.community.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.RoleGrant;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * Signs members' access tokens. The token carries what resource servers authorise on: the member id
 * ({@code sub}), the role names ({@code roles}), the city each city-bound role applies to
 * ({@code grants}) and the member's home city ({@code city}). Roles granted later appear in the next
 * token the member obtains.
 */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final RSAKey key;
    private final IdentityProperties identity;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, RSAKey tokenSigningKey, IdentityProperties identity, Clock clock) {
        this.encoder = encoder;
        this.key = tokenSigningKey;
        this.identity = identity;
        this.clock = clock;
    }

    public AccessToken issue(Member member) {
        Instant now = clock.instant();
        List<RoleGrant> grants = member.roles().stream()
                .sorted(Comparator.comparing(RoleGrant::role).thenComparing(g -> String.valueOf(g.city())))
                .toList();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(identity.issuer())
                .subject(member.id())
                .issuedAt(now)
                .expiresAt(now.plus(identity.tokenTtl()))
                .claim("name", member.displayName())
                .claim("roles", grants.stream().map(g -> g.role().name()).distinct().toList())
                .claim("grants", grants.stream().filter(g -> g.city() != null)
                        .map(g -> Map.of("role", g.role().name(), "city", g.city())).toList());
        if (member.city() != null) {
            claims.claim("city", member.city());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new AccessToken(token, "Bearer", identity.tokenTtl().toSeconds());
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }
}
