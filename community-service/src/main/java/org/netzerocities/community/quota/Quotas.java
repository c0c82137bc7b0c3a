package org.netzerocities.community.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Quotas of attempts per key, kept in MongoDB so that every instance of the service counts against the same
 * ones. Each change is a single conditional write on the key's document, never a read followed by a write, so two
 * instances taking the last attempt at once cannot both have it (on a replica set and the embedded server alike).
 */
public class Quotas {

    private static final Logger log = LoggerFactory.getLogger(Quotas.class);
    /** A conditional write loses only to another one on the same key; after this many, the key is that busy. */
    private static final int ROUNDS = 3;

    private final MongoTemplate mongo;

    public Quotas(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Takes one attempt of {@code key}'s quota.
     *
     * @return empty when the attempt was taken, otherwise how long until the key's window ends
     */
    public Optional<Duration> take(String key, QuotaProperties.Limit quota, Instant now) {
        int limit = quota.limit();
        for (int round = 0; round < ROUNDS; round++) {
            Query inCurrentWindow = Query.query(Criteria.where("_id").is(key).and(QuotaWindow.END).gt(now)
                    .and(QuotaWindow.COUNT).lt(limit));
            if (mongo.updateFirst(inCurrentWindow, new Update().inc(QuotaWindow.COUNT, 1), QuotaWindow.class)
                    .getMatchedCount() > 0) {
                return Optional.empty();
            }
            try {
                // the last window is over, or there was none: this attempt opens the next one
                mongo.upsert(Query.query(Criteria.where("_id").is(key).and(QuotaWindow.END).lte(now)),
                        new Update().set(QuotaWindow.COUNT, 1).set(QuotaWindow.END, now.plus(quota.window())),
                        QuotaWindow.class);
                return Optional.empty();
            }
            catch (DuplicateKeyException current) {
                // a current window exists: full, or opened by another attempt since the first write
            }
            QuotaWindow current = mongo.findById(key, QuotaWindow.class);
            if (current != null && current.isFull(limit, now)) {
                return Optional.of(current.retryAfter(now));
            }
        }
        log.warn("A quota contended for {} rounds: attempt refused", ROUNDS);
        return Optional.of(Duration.ofSeconds(1));
    }

    /**
     * Takes one attempt of {@code key}'s quota or refuses the request.
     *
     * @throws ApiProblem 429 of {@code type}, with {@code Retry-After}, when the quota is used up
     */
    public void require(String key, QuotaProperties.Limit quota, Instant now, String type, String detail) {
        take(key, quota, now).ifPresent(retryAfter -> {
            throw exceeded(type, detail, retryAfter);
        });
    }

    /** A 429 problem telling when to try again. */
    public static ApiProblem exceeded(String type, String detail, Duration retryAfter) {
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, type, "Too many requests", detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
        return problem;
    }

    /** Returns an attempt taken with {@link #take}, as if it had not been made. */
    public void giveBack(String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and(QuotaWindow.COUNT).gt(0)),
                new Update().inc(QuotaWindow.COUNT, -1), QuotaWindow.class);
    }

    /** Forgets every attempt of {@code key}. */
    public void clear(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), QuotaWindow.class);
    }

    /**
     * Removes the windows that ended before {@code now}: a real MongoDB's TTL index does so by itself, the embedded
     * server never does. One pass over the collection.
     */
    public long purge(Instant now) {
        long removed = mongo.remove(Query.query(Criteria.where(QuotaWindow.END).lte(now)), QuotaWindow.class)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} ended quota windows", removed);
        }
        return removed;
    }
}
