package org.netzerocities.gateway.routing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.stereotype.Component;

import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * Each route's response timeout is its circuit breaker's time limit, so that both give up on a slow service at the
 * same moment (and the client gets the fallback's 504 either way); a route whose breaker has no time limit (the
 * notification stream) has no response timeout either. Set on the route definitions before the routes are built.
 */
@Component
class RouteTimeouts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RouteTimeouts.class);
    private static final String CIRCUIT_BREAKER = "CircuitBreaker";
    /** What Spring Cloud Gateway reads as "no response timeout". */
    private static final long NONE = -1;

    private final GatewayProperties gateway;
    private final TimeLimiterRegistry timeLimiters;
    private final Resilience4JConfigurationProperties breakers;

    RouteTimeouts(GatewayProperties gateway, TimeLimiterRegistry timeLimiters,
            Resilience4JConfigurationProperties breakers) {
        this.gateway = gateway;
        this.timeLimiters = timeLimiters;
        this.breakers = breakers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (RouteDefinition route : gateway.getRoutes()) {
            route.getFilters().stream().filter(filter -> CIRCUIT_BREAKER.equals(filter.getName())).findFirst()
                    .map(filter -> breakerName(route, filter))
                    .ifPresent(breaker -> {
                        long millis = timeLimitMillis(breaker);
                        route.getMetadata().put(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, millis);
                        log.info("Route {}: response timeout {}", route.getId(),
                                millis == NONE ? "none" : Duration.ofMillis(millis));
                    });
        }
    }

    private static String breakerName(RouteDefinition route, FilterDefinition filter) {
        return filter.getArgs().getOrDefault("name", route.getId());
    }

    /** As Spring Cloud CircuitBreaker resolves it: the breaker's instance, else its named configuration, else the default. */
    private long timeLimitMillis(String breaker) {
        if (breakers.getDisableTimeLimiterMap().getOrDefault(breaker, breakers.isDisableTimeLimiter())) {
            return NONE;
        }
        Duration limit = timeLimiters.find(breaker).map(TimeLimiter::getTimeLimiterConfig)
                .or(() -> timeLimiters.getConfiguration(breaker))
                .orElseGet(timeLimiters::getDefaultConfig)
                .getTimeoutDuration();
        return limit.toMillis();
    }
}
