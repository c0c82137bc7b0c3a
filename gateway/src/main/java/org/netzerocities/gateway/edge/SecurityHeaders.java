package org.netzerocities.gateway.edge;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The security headers of every gateway response, its own and the services' (each written only when the response
 * has none), on top of Spring Security's defaults ({@code X-Content-Type-Options: nosniff}, no caching of what
 * says nothing about caching): frames denied, no referrer, a Content-Security-Policy, and HSTS on HTTPS only.
 */
@Component
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    /** JSON and problems load nothing and are framed by nothing. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /**
     * The gateway's API docs page (Swagger UI) runs its own scripts and styles from the gateway and fetches the API
     * descriptions from it; inline styles because the UI sets style attributes in its markup, data: images for its
     * icons. No inline or foreign script.
     */
    static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final TrustedProxies trustedProxies;

    public SecurityHeaders(GatewayProperties gateway) {
        String trusted = gateway.getTrustedProxies();
        this.trustedProxies = trusted == null || trusted.isBlank() ? address -> false : TrustedProxies.from(trusted);
    }

    public void configure(ServerHttpSecurity.HeaderSpec headers) {
        headers.frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                // Spring Security's goes by the request's scheme, which the gateway's server never takes from a proxy
                .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                .writer(this::write);
    }

    private Mono<Void> write(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        ServerHttpRequest request = exchange.getRequest();
        if (!headers.containsHeader(CONTENT_SECURITY_POLICY)) {
            headers.set(CONTENT_SECURITY_POLICY, isDocs(request.getPath().value()) ? DOCS_POLICY : API_POLICY);
        }
        if (!headers.containsHeader(STRICT_TRANSPORT_SECURITY) && overHttps(request)) {
            headers.set(STRICT_TRANSPORT_SECURITY, HSTS);
        }
        return Mono.empty();
    }

    private static boolean isDocs(String path) {
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/swagger-ui/");
    }

    /**
     * Over TLS to the gateway, or to the TLS-terminating proxy in front of it when a trusted proxy says so (the
     * first of a list of X-Forwarded-Proto values is the client's).
     */
    boolean overHttps(ServerHttpRequest request) {
        if (request.getSslInfo() != null) {
            return true;
        }
        String proto = request.getHeaders().getFirst("X-Forwarded-Proto");
        InetSocketAddress remote = request.getRemoteAddress();
        if (proto == null || remote == null || remote.getAddress() == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        String client = (comma < 0 ? proto : proto.substring(0, comma)).trim();
        return "https".equalsIgnoreCase(client) && trustedProxies.isTrusted(remote.getAddress().getHostAddress());
    }
}
