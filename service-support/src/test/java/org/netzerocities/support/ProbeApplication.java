package org.netzerocities.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;

import org.netzerocities.events.EventBackboneAutoConfiguration;
import org.netzerocities.events.trace.TraceContext;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.MongoTimeoutException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import tools.jackson.databind.JsonNode;

/**
 * A minimal service on service-support, with routes that exercise the caller, the policies and the problems;
 * it publishes and consumes nothing, so it runs without the event backbone (and without a broker or database).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = EventBackboneAutoConfiguration.class)
class ProbeApplication {

    static final KeyPair KEYS = rsa();

    /** Unless a test points the probe at an issuer's JWKS as the services are, and Boot makes the decoder. */
    @Bean
    @ConditionalOnProperty(name = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", havingValue = "none",
            matchIfMissing = true)
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    /** A signed token carrying {@code claims}. */
    static String token(Map<String, Object> claims) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey((RSAPrivateKey) KEYS.getPrivate())
                .build();
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
        claims.forEach(set::claim);
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(set.build())).getTokenValue();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @RestController
    static class ProbeController {

        @GetMapping("/probe/me")
        Caller me(Caller caller) {
            return caller;
        }

        @GetMapping("/probe/admin")
        @PreAuthorize("@policies.isAdmin(authentication)")
        String adminOnly() {
            return "ok";
        }

        @GetMapping("/probe/cities/{city}/team")
        @PreAuthorize("@policies.isTransitionTeamOf(authentication, #city)")
        String transitionTeamOnly(@PathVariable String city) {
            return city;
        }

        @GetMapping("/probe/frontrunners")
        @PreAuthorize("hasRole('FRONTRUNNER')")
        String anyFrontrunner() {
            return "ok";
        }

        @GetMapping("/probe/pages")
        long offset(@RequestParam int page, @RequestParam int size) {
            return PageResponse.request(page, size, Sort.unsorted()).getOffset();
        }

        /** Answers what it read, so that a test sees a value bound as it was sent. */
        @PostMapping("/probe/json")
        String json(@RequestBody JsonBody body) {
            return body.name() + "/" + body.role() + (body.count() == null ? "" : "/" + body.count());
        }

        /** The request's ids as its log lines see them, after logging one. */
        @GetMapping("/probe/trace")
        Map<String, String> trace() {
            LoggerFactory.getLogger(ProbeController.class).info("Probe traced");
            return Map.of("requestId", MDC.get(TraceContextFilter.MDC_REQUEST_ID),
                    "traceId", MDC.get(TraceContext.MDC_TRACE_ID));
        }

        @GetMapping("/probe/failures/{kind}")
        String fail(@PathVariable String kind) {
            throw switch (kind) {
                case "optimistic-lock" -> new OptimisticLockingFailureException("version 3 is stale");
                case "database-down" -> new DataAccessResourceFailureException("connection refused");
                case "server-selection" -> new MongoTimeoutException("Timed out while waiting for a server");
                default -> new IllegalStateException("a bug");
            };
        }
    }

    record JsonBody(String name, GlobalRole role, JsonNode data, Integer count) {
    }
}
