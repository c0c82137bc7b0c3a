package org.netzerocities.support;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is a stateless OAuth2 resource server: a valid JWT from the platform's issuer is
 * needed except for the service's {@link PublicEndpoints}, operations endpoints and API docs. The
 * token's {@code roles} claim becomes {@code ROLE_*} authorities; 401 and 403 are problem details.
 */
@AutoConfiguration
@EnableMethodSecurity
@Import(ProblemDetailsAdvice.class)
public class ResourceServerAutoConfiguration {

    /** Token claim listing the member's platform roles, e.g. {@code ["MEMBER", "FRONTRUNNER"]}. */
    public static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ObjectProvider<PublicEndpoints> publicEndpoints,
            JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, ex) -> write(json, response,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required");
        AccessDeniedHandler forbidden = (request, response, ex) -> write(json, response, HttpStatus.FORBIDDEN,
                "forbidden", "Your roles do not allow this request");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    publicEndpoints.orderedStream().flatMap(p -> p.endpoints().stream())
                            .forEach(e -> requests.requestMatchers(e.method(), e.pattern()).permitAll());
                    requests.requestMatchers("/actuator/**", "/api/*/v3/api-docs/**", "/api/*/swagger-ui/**",
                            "/api/*/swagger-ui.html", "/error").permitAll();
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesToAuthorities()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    static Converter<Jwt, AbstractAuthenticationToken> rolesToAuthorities() {
        return jwt -> new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return roles == null ? List.of()
                : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    private static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String type,
            String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of(
                "type", URI.create(ApiProblem.TYPE_BASE + type).toString(),
                "title", status.getReasonPhrase(),
                "status", status.value(),
                "detail", detail));
    }
}
