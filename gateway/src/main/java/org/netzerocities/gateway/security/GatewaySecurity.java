package org.netzerocities.gateway.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.netzerocities.gateway.edge.SecurityHeaders;
import org.netzerocities.gateway.errors.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway rejects a request carrying an invalid, expired or foreign bearer token (401) before it
 * reaches a service, and lets anonymous requests through: which routes need a member is each
 * service's decision, since only it knows its public endpoints. While the issuer's signing keys cannot
 * be had at all, a request with a token is answered 503 (see {@link SigningKeys}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SigningKeysProperties.class)
class GatewaySecurity {

    /** The skew the default timestamp checks allow. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SigningKeysProperties signingKeys)
            throws MalformedURLException {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSource(new SigningKeys(URI.create(jwt.getJwkSetUri()).toURL(), signingKeys))
                .build();
        // expiry and not-before (the defaults), the issuer, and no issue time in the future: no issuer of ours makes one
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(jwt.getIssuerUri()),
                new JwtClaimValidator<Instant>(JwtClaimNames.IAT,
                        issuedAt -> issuedAt == null || !issuedAt.isAfter(Instant.now().plus(CLOCK_SKEW))))));
        // Nimbus fetches keys with blocking I/O (rarely: they are cached), so never on an event-loop thread
        return token -> Mono.fromCallable(() -> decoder.decode(token)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * No observation of each security filter, authentication and authorisation: per request, they cost more than the
     * rest of the security chain (see docs/performance.md, "Gateway overhead"); the request as a whole is still
     * observed (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, JsonMapper json, SecurityHeaders headers) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers::configure)
                // stateless: no session to look up (or create) per request for a security context or a saved request
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, ex) -> unauthorized(exchange, json)))
                .build();
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, JsonMapper json) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return Problems.write(exchange.getResponse(), json, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Unauthorized", "The bearer token is invalid or expired; obtain a new one from /api/community/auth/token"));
    }
}
