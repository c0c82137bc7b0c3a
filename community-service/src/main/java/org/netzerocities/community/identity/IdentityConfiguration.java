package org.netzerocities.community.identity;

import java.time.Clock;
import java.util.List;

import org.netzerocities.support.NotIssuedInTheFuture;
import org.netzerocities.support.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    RSAKey tokenSigningKey(MongoTemplate mongo, Clock clock) {
        return SigningKeys.loadOrCreate(mongo, clock);
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey tokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(tokenSigningKey)));
    }

    /** This service validates tokens with its own public key rather than fetching its own JWKS over HTTP. */
    @Bean
    JwtDecoder jwtDecoder(RSAKey tokenSigningKey, IdentityProperties identity,
            NotIssuedInTheFuture notIssuedInTheFuture) throws JOSEException {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(tokenSigningKey.toRSAPublicKey()).build();
        // the same checks as the other services' (expiry, not-before, issuer, issue time)
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                List.of(new JwtIssuerValidator(identity.issuer()), notIssuedInTheFuture)));
        return decoder;
    }

    @Bean
    PasswordHashing passwordHashing(IdentityProperties identity) {
        return new PasswordHashing(identity.password().bcryptCost());
    }

    @Bean
    PublicEndpoints communityPublicEndpoints() {
        return PublicEndpoints.of(
                PublicEndpoints.get("/api/community/cities"),
                PublicEndpoints.post("/api/community/members"),
                PublicEndpoints.post("/api/community/auth/token"),
                PublicEndpoints.post("/api/community/auth/refresh"),
                PublicEndpoints.post("/api/community/auth/logout"),
                PublicEndpoints.get("/api/community/.well-known/jwks.json"));
    }
}
