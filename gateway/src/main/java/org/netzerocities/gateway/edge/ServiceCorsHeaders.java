package org.netzerocities.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway alone answers CORS, for the configured portal origins only (spring.cloud.gateway.server.webflux
 * .globalcors): {@code Access-Control-*} headers a service sets are dropped from its response, so a browser never
 * sees them twice (which it rejects) nor sees a service's more generous policy.
 */
@Component
class ServiceCorsHeaders implements HttpHeadersFilter {

    private static final String CORS_PREFIX = "Access-Control-";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (input.headerNames().stream().noneMatch(ServiceCorsHeaders::isCors)) {
            return input;
        }
        HttpHeaders filtered = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isCors(name)) {
                filtered.addAll(name, values);
            }
        });
        return filtered;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    private static boolean isCors(String name) {
        return name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length());
    }
}
