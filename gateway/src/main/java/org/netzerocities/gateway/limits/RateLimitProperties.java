package org.netzerocities.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.util.Assert;

/**
 * {@code nzc.gateway.rate-limit.*}: how many requests each client may send, a client being the member of a valid
 * bearer token, else the client's address. Each limit is a token bucket that holds {@code requests} and refills
 * at {@code requests} per {@code period}: a client may send that many at once, then that many per period.
 *
 * @param store        {@code local}: each gateway instance counts for itself, in memory; {@code redis}: the
 *                     instances share their counts in Redis ({@code spring.data.redis.*}), through Spring Cloud
 *                     Gateway's {@code RedisRateLimiter}
 * @param general      every request not under a stricter limit
 * @param authToken    {@code POST /api/community/auth/token}: logging in (password guessing, credential stuffing)
 * @param registration {@code POST /api/community/members}: registering (mass account creation)
 */
@ConfigurationProperties("nzc.gateway.rate-limit")
public record RateLimitProperties(Store store, Limit general, Limit authToken, Limit registration) {

    public enum Store {
        LOCAL, REDIS
    }

    public record Limit(int requests, Duration period) {

        public Limit {
            Assert.isTrue(requests > 0, "a rate limit allows at least one request");
            Assert.isTrue(period.toMillis() >= 1_000 && period.toMillis() % 1_000 == 0,
                    "a rate limit's period is a whole number of seconds");
        }

        /**
         * As Spring Cloud Gateway's rate limiters take it, whose refill rate is a whole number of tokens per second:
         * the bucket refills at {@code requests} tokens a second and each request takes as many tokens as the period
         * has seconds (so that a limit of 10 a minute is one): {@code X-RateLimit-Remaining} counts those tokens.
         */
        RedisRateLimiter.Config config() {
            int seconds = Math.toIntExact(period.toSeconds());
            return new RedisRateLimiter.Config().setReplenishRate(requests)
                    .setBurstCapacity((long) requests * seconds).setRequestedTokens(seconds);
        }
    }
}
