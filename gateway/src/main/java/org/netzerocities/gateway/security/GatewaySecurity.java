package org.netzerocities.gateway.security;

import java.nio.charset.StandardCharsets;

import org.netzerocities.gateway.errors.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway rejects a request carrying an invalid, expired or foreign bearer token (401) before it
 * reaches a service, and lets anonymous requests through: which routes need a member is each
 * service's decision, since only it knows its public endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, JsonMapper json) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, ex) -> unauthorized(exchange, json)))
                .build();
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, JsonMapper json) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized",
                "The bearer token is invalid or expired; obtain a new one from /api/community/auth/token");
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
