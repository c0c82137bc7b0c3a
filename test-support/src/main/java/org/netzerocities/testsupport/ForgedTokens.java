package org.netzerocities.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens a resource server must refuse (401), each next to what makes it invalid, made against the real
 * signing key and issuer of the service under test; and the valid token they are variations of.
 */
public final class ForgedTokens {

    private final RSAKey signingKey;
    private final String issuer;

    /** @param signingKey the issuer's key pair, private part included */
    public ForgedTokens(RSAKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    /** A valid token of {@code memberId}, a plain member, signed with the real key. */
    public String valid(String memberId) {
        return signed(claims(memberId).build(), JWSAlgorithm.RS256, signingKey);
    }

    /** Each refused token by what is wrong with it. */
    public Map<String, String> refused(String memberId) {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", rs256(memberId, claims -> claims.issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1))))));
        tokens.put("not valid before an hour from now",
                rs256(memberId, claims -> claims.notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))));
        tokens.put("issued an hour from now", rs256(memberId, claims -> claims
                .issueTime(Date.from(now.plus(Duration.ofHours(1)))).expirationTime(Date.from(now.plus(Duration.ofHours(2))))));
        tokens.put("signed with another key", signed(claims(memberId).build(), JWSAlgorithm.RS256, otherKey()));
        tokens.put("of another issuer", rs256(memberId, claims -> claims.issuer("https://issuer.example.org")));
        tokens.put("without issuer", rs256(memberId, claims -> claims.issuer(null)));
        tokens.put("alg none", unsigned(claims(memberId).build()));
        tokens.put("HS256 keyed with the public key", hs256WithPublicKey(claims(memberId).build()));
        tokens.put("signature stripped", stripSignature(valid(memberId)));
        tokens.put("not a token", "not.a.token");
        return tokens;
    }

    private String rs256(String memberId, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signed(change.apply(claims(memberId)).build(), JWSAlgorithm.RS256, signingKey);
    }

    private JWTClaimsSet.Builder claims(String memberId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(memberId).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("roles", List.of("MEMBER"));
    }

    private static String signed(JWTClaimsSet claims, JWSAlgorithm algorithm, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The classic key confusion: HMAC keyed with the issuer's public key (its X.509 encoding), which anyone can read
     * from the JWKS, in the hope that the server verifies with "its key" whatever the algorithm.
     */
    private String hs256WithPublicKey(JWTClaimsSet claims) {
        try {
            byte[] secret = signingKey.toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String stripSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private RSAKey otherKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
