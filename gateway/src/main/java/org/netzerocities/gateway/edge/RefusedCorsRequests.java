package org.netzerocities.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.netzerocities.gateway.errors.Problems;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cross-origin request that the CORS policy refuses (another origin, or a preflight asking for a method or headers
 * it does not allow) is answered here with a 403 problem, as every other refusal is, instead of Spring's empty 403.
 * What the policy allows goes on to the gateway's CORS handling, which adds the headers.
 */
@Component
class RefusedCorsRequests implements WebFilter, Ordered {

    private final Map<PathPattern, CorsConfiguration> policies;
    private final JsonMapper json;

    RefusedCorsRequests(GlobalCorsProperties cors, JsonMapper json) {
        this.policies = cors.getCorsConfigurations().entrySet().stream().collect(Collectors.toMap(
                entry -> PathPatternParser.defaultInstance.parse(entry.getKey()), Map.Entry::getValue));
        this.json = json;
    }

    @Override
    public int getOrder() {
        // after the request id is set, before Spring Security (a preflight carries no token)
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        CorsConfiguration policy = policies.entrySet().stream()
                .filter(entry -> entry.getKey().matches(request.getPath().pathWithinApplication()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        String refusal = policy == null ? null : refusal(policy, request);
        if (refusal == null) {
            return chain.filter(exchange);
        }
        return Problems.write(exchange.getResponse(), json,
                Problems.of(HttpStatus.FORBIDDEN, "cors-refused", "Cross-origin request refused", refusal));
    }

    private static String refusal(CorsConfiguration policy, ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        if (policy.checkOrigin(headers.getOrigin()) == null) {
            return "This origin may not call the API from a browser";
        }
        if (!CorsUtils.isPreFlightRequest(request)) {
            return null;
        }
        HttpMethod method = headers.getAccessControlRequestMethod();
        if (method == null || policy.checkHttpMethod(method) == null) {
            return "This method may not be used across origins";
        }
        List<String> asked = headers.getAccessControlRequestHeaders();
        if (!asked.isEmpty() && policy.checkHeaders(asked) == null) {
            return "These request headers may not be sent across origins";
        }
        return null;
    }
}
