package org.netzerocities.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import reactor.core.publisher.Mono;

/**
 * The token buckets of Spring Cloud Gateway's {@link RedisRateLimiter}, with the same configuration and headers,
 * kept in this gateway's memory: for a single instance (the embedded platform) that needs no Redis. A bucket that
 * has refilled is the same as no bucket, so full ones are dropped when many accumulate (at most once a second).
 */
final class LocalRateLimiter implements RateLimiter<RedisRateLimiter.Config> {

    private static final int SWEEP_ABOVE = 100_000;

    private final Map<String, RedisRateLimiter.Config> configs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final AtomicLong lastSweep = new AtomicLong();
    private final int sweepAbove;

    LocalRateLimiter(LongSupplier nanoClock) {
        this(nanoClock, SWEEP_ABOVE);
    }

    LocalRateLimiter(LongSupplier nanoClock, int sweepAbove) {
        this.nanoClock = nanoClock;
        this.sweepAbove = sweepAbove;
        this.lastSweep.set(nanoClock.getAsLong());
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        RedisRateLimiter.Config config = configs.get(routeId);
        if (config == null) {
            return Mono.error(new IllegalArgumentException("No rate limit named " + routeId));
        }
        long now = nanoClock.getAsLong();
        sweepIfCrowded(now);
        boolean[] allowed = new boolean[1];
        Bucket bucket = buckets.compute(routeId + "." + id, (key, existing) -> {
            Bucket current = existing != null ? existing.refilled(config, now) : new Bucket(config.getBurstCapacity(), now);
            allowed[0] = current.tokens >= config.getRequestedTokens();
            return allowed[0] ? new Bucket(current.tokens - config.getRequestedTokens(), now) : current;
        });
        return Mono.just(new Response(allowed[0], headers(config, (long) bucket.tokens)));
    }

    private void sweepIfCrowded(long now) {
        long last = lastSweep.get();
        if (buckets.size() > sweepAbove && now - last > TimeUnit.SECONDS.toNanos(1) && lastSweep.compareAndSet(last, now)) {
            buckets.entrySet().removeIf(entry -> {
                RedisRateLimiter.Config config = configs.get(entry.getKey().substring(0, entry.getKey().indexOf('.')));
                return entry.getValue().refilled(config, now).tokens >= config.getBurstCapacity();
            });
        }
    }

    int buckets() {
        return buckets.size();
    }

    /** The headers {@link RedisRateLimiter#getHeaders} gives. */
    static Map<String, String> headers(RedisRateLimiter.Config config, long tokensLeft) {
        return Map.of(RedisRateLimiter.REMAINING_HEADER, Long.toString(tokensLeft),
                RedisRateLimiter.REPLENISH_RATE_HEADER, Integer.toString(config.getReplenishRate()),
                RedisRateLimiter.BURST_CAPACITY_HEADER, Long.toString(config.getBurstCapacity()),
                RedisRateLimiter.REQUESTED_TOKENS_HEADER, Integer.toString(config.getRequestedTokens()));
    }

    @Override
    public Map<String, RedisRateLimiter.Config> getConfig() {
        return configs;
    }

    @Override
    public Class<RedisRateLimiter.Config> getConfigClass() {
        return RedisRateLimiter.Config.class;
    }

    @Override
    public RedisRateLimiter.Config newConfig() {
        return new RedisRateLimiter.Config();
    }

    private record Bucket(double tokens, long at) {

        Bucket refilled(RedisRateLimiter.Config config, long now) {
            double refill = (now - at) / 1e9 * config.getReplenishRate();
            return new Bucket(Math.min(config.getBurstCapacity(), tokens + refill), now);
        }
    }
}
