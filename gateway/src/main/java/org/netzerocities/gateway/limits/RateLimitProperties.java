package org.netzerocities.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
            Assert.isTrue(period.compareTo(Duration.ofMillis(1)) >= 0, "a rate limit's period is at least 1 ms");
        }

        /** Requests per second the bucket refills at. */
        double perSecond() {
            return requests * 1_000.0 / period.toMillis();
        }
    }
}
