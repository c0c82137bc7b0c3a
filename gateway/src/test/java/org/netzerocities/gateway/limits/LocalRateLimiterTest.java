package org.netzerocities.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

/** The in-memory token buckets, on a clock the test moves. */
class LocalRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LocalRateLimiter limiter = new LocalRateLimiter(nanos::get, 3);

    LocalRateLimiterTest() {
        limiter.getConfig().put("login", new RateLimitProperties.Limit(10, Duration.ofMinutes(1)).config());
        limiter.getConfig().put("general", new RateLimitProperties.Limit(100, Duration.ofSeconds(10)).config());
    }

    @Test
    void aClientMaySendTheLimitAtOnceThenOneMorePerShareOfThePeriod() {
        for (int i = 0; i < 10; i++) {
            assertThat(allowed("login", "a")).as("request %d", i + 1).isTrue();
        }
        assertThat(allowed("login", "a")).isFalse();

        advance(Duration.ofMillis(5_900));
        assertThat(allowed("login", "a")).as("before a tenth of the minute").isFalse();
        advance(Duration.ofMillis(100));
        assertThat(allowed("login", "a")).as("after a tenth of the minute").isTrue();
        assertThat(allowed("login", "a")).isFalse();

        advance(Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            assertThat(allowed("login", "a")).as("refilled to the limit, not beyond: request %d", i + 1).isTrue();
        }
        assertThat(allowed("login", "a")).isFalse();
    }

    @Test
    void clientsAndLimitsAreCountedApart() {
        for (int i = 0; i < 10; i++) {
            allowed("login", "a");
        }
        assertThat(allowed("login", "a")).isFalse();
        assertThat(allowed("login", "b")).isTrue();
        assertThat(allowed("general", "a")).isTrue();
    }

    @Test
    void answersWithTheHeadersOfSpringCloudGatewaysRedisRateLimiter() {
        RateLimiter.Response first = limiter.isAllowed("login", "a").block();

        assertThat(first.getHeaders()).containsEntry("X-RateLimit-Remaining", "540")
                .containsEntry("X-RateLimit-Replenish-Rate", "10").containsEntry("X-RateLimit-Burst-Capacity", "600")
                .containsEntry("X-RateLimit-Requested-Tokens", "60");
    }

    @Test
    void fullBucketsAreDroppedWhenManyAccumulate() {
        for (String client : new String[] { "a", "b", "c", "d" }) {
            allowed("general", client);
        }
        assertThat(limiter.buckets()).isEqualTo(4);

        advance(Duration.ofSeconds(2));
        allowed("general", "e");

        assertThat(limiter.buckets()).as("only the bucket just used").isEqualTo(1);
    }

    private boolean allowed(String limit, String client) {
        return limiter.isAllowed(limit, client).block().isAllowed();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(duration.toMillis()));
    }
}
