package org.netzerocities.gateway.limits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The gateway's request limits: body and header sizes, well-formed forwarded headers, per-client rate limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RequestLimitProperties.class, RateLimitProperties.class })
class LimitsConfiguration {

    @Bean
    BodySizeLimit bodySizeLimit(RequestLimitProperties properties, JsonMapper json) {
        return new BodySizeLimit(properties, json);
    }

    @Bean
    ForwardedHeadersCheck forwardedHeadersCheck(JsonMapper json) {
        return new ForwardedHeadersCheck(json);
    }

    @Bean
    DecodingFailureProblems decodingFailureProblems(JsonMapper json) {
        return new DecodingFailureProblems(json);
    }

    /** Spring Cloud Gateway's {@code redisRateLimiter} (auto-configured with Redis) only when Redis is chosen. */
    @Bean
    ClientRateLimitFilter clientRateLimitFilter(RateLimitProperties properties,
            ObjectProvider<RedisRateLimiter> redis, GatewayProperties gateway, JsonMapper json) {
        RateLimiter<RedisRateLimiter.Config> limiter = properties.store() == RateLimitProperties.Store.REDIS
                ? redis.getObject() : new LocalRateLimiter(System::nanoTime);
        return new ClientRateLimitFilter(properties, limiter, new ClientKeys(gateway.getTrustedProxies()), json);
    }
}
