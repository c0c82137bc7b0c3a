package org.netzerocities.support;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CallerArgumentResolver;
import org.netzerocities.support.caller.CallerAuthentication;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.support.caller.Policies;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.support.member.RefusedMembersFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is a stateless OAuth2 resource server: a valid JWT from the platform's issuer is
 * needed except for the service's {@link PublicEndpoints}, operations endpoints and API docs. Each
 * token is read once into a {@link Caller}, which controllers take as a parameter and method security
 * checks through the {@code policies} bean; only global roles become {@code ROLE_*} authorities. Tokens of
 * {@link RefusedMembers} (erased accounts) are answered like invalid ones where the service consumes events.
 * 401, 403 and requests the firewall rejects are problem details.
 */
@AutoConfiguration
@EnableMethodSecurity
@Import(ProblemDetailsAdvice.class)
public class ResourceServerAutoConfiguration {

    @Bean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ObjectProvider<PublicEndpoints> publicEndpoints,
            ObjectProvider<RefusedMembers> refusedMembers, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, ex) -> write(json, response,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required");
        AccessDeniedHandler forbidden = (request, response, ex) -> write(json, response, HttpStatus.FORBIDDEN,
                "forbidden", "Your roles do not allow this request");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    publicEndpoints.orderedStream().flatMap(p -> p.endpoints().stream())
                            .forEach(e -> requests.requestMatchers(e.method(), e.pattern()).permitAll());
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus", "/api/*/v3/api-docs/**", "/api/*/swagger-ui/**",
                            "/api/*/swagger-ui.html", "/error").permitAll();
                    // operator endpoints (the outbox's parked events and their re-drive) are for admins only
                    requests.requestMatchers("/actuator/**").hasRole(GlobalRole.ADMIN.name());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(CallerAuthentication.converter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        refusedMembers.ifAvailable(refused -> http.addFilterAfter(new RefusedMembersFilter(refused, unauthenticated),
                BearerTokenAuthenticationFilter.class));
        return http.build();
    }

    /** Added by Boot to the checks of the token decoder it configures (from the issuer's JWKS). */
    @Bean
    NotIssuedInTheFuture notIssuedInTheFuture() {
        return new NotIssuedInTheFuture(Clock.systemUTC());
    }

    /** Named rules for {@code @PreAuthorize("@policies...")}. */
    @Bean
    Policies policies() {
        return new Policies();
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** A URL the firewall refuses (encoded slashes, control characters) is the client's error, in the usual shape. */
    @Bean
    RequestRejectedHandler problemDetailsForRejectedRequests(JsonMapper json) {
        return (request, response, ex) -> write(json, response, HttpStatus.BAD_REQUEST, "rejected-request",
                "The request URL is not acceptable");
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
