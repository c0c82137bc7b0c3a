package org.netzerocities.gateway.limits;

import java.util.Map;

import org.netzerocities.gateway.errors.Problems;
import org.netzerocities.gateway.limits.RateLimitProperties.Limit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-client rate limits on every route ({@link RateLimitProperties}), checked before the circuit breaker (a refused
 * request says nothing of the service): beyond its limit a client gets 429 problem+json with {@code Retry-After};
 * every answer carries the limiter's {@code X-RateLimit-*} headers, as Spring Cloud Gateway's RequestRateLimiter
 * gives them.
 */
class ClientRateLimitFilter implements GlobalFilter, Ordered {

    static final String GENERAL = "general";
    static final String AUTH_TOKEN = "auth-token";
    static final String REGISTRATION = "registration";

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimitFilter.class);

    private final RateLimiter<RedisRateLimiter.Config> limiter;
    private final ClientKeys clients;
    private final JsonMapper json;
    private final Map<String, Long> retryAfterSeconds;

    ClientRateLimitFilter(RateLimitProperties properties, RateLimiter<RedisRateLimiter.Config> limiter,
            ClientKeys clients, JsonMapper json) {
        this.limiter = limiter;
        this.clients = clients;
        this.json = json;
        Map<String, Limit> limits = Map.of(GENERAL, properties.general(), AUTH_TOKEN, properties.authToken(),
                REGISTRATION, properties.registration());
        limits.forEach((name, limit) -> limiter.getConfig().put(name, limit.config()));
        // the longest wait for one request's tokens, rounded up
        this.retryAfterSeconds = Map.of(GENERAL, retryAfter(properties.general()),
                AUTH_TOKEN, retryAfter(properties.authToken()), REGISTRATION, retryAfter(properties.registration()));
    }

    private static long retryAfter(Limit limit) {
        return (limit.period().toSeconds() + limit.requests() - 1) / limit.requests();
    }

    @Override
    public int getOrder() {
        // before the routes' own filters (the circuit breaker is the first, at 1)
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String limit = limitOf(exchange.getRequest());
        return clients.of(exchange).flatMap(client -> limiter.isAllowed(limit, client).flatMap(answer -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            answer.getHeaders().forEach(headers::set);
            if (answer.isAllowed()) {
                return chain.filter(exchange);
            }
            log.info("Rate limit {} reached by {}", limit, ClientKeys.isMember(client) ? client : "an address");
            long retryAfter = retryAfterSeconds.get(limit);
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            return Problems.write(exchange.getResponse(), json, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited", "Too many requests",
                    "Too many requests from this client; retry in " + retryAfter + " s"));
        }));
    }

    private static String limitOf(ServerHttpRequest request) {
        if (HttpMethod.POST.equals(request.getMethod())) {
            String path = request.getPath().value();
            if (path.equals("/api/community/auth/token")) {
                return AUTH_TOKEN;
            }
            if (path.equals("/api/community/members")) {
                return REGISTRATION;
            }
        }
        return GENERAL;
    }
}
