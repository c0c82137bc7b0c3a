package org.netzerocities.events.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.netzerocities.events.kafka.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.bson.Document;

/**
 * The events this service has fully handled, keyed by CloudEvents source and id (unique together), so a
 * replay after a rebalance or a re-drive skips them without touching the handlers. A first line only:
 * a mark is written after the handlers ran, so handlers stay idempotent themselves.
 *
 * <p>Marks expire: a TTL index does it on MongoDB, and {@link #purgeExpired()} on a schedule does it on
 * servers that never expire TTL indexes (the embedded one). Purging twice is harmless, so every instance
 * may run it.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;

    public ProcessedEvents(MongoTemplate mongo, Clock clock, Duration retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expiry"));
    }

    public boolean contains(IncomingEvent event) {
        return IdLookup.byId(mongo, COLLECTION, key(event)).isPresent();
    }

    public void markProcessed(IncomingEvent event) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", key(event)).append("type", event.type()).append("processedAt", now)
                    .append("expiresAt", now.plus(retention)), COLLECTION);
        }
        catch (DuplicateKeyException concurrentDelivery) {
            // the other delivery's handlers ran too; their effects are guarded per document
        }
    }

    /**
     * Removes expired marks in one pass, and marks stored before marks expired (without {@code expiresAt}, keyed
     * per consumer); returns how many.
     */
    public long purgeExpired() {
        Criteria expired = new Criteria().orOperator(Criteria.where("expiresAt").lt(clock.instant()),
                Criteria.where("expiresAt").exists(false));
        long removed = mongo.remove(Query.query(expired), COLLECTION).getDeletedCount();
        if (removed > 0) {
            log.info("Purged {} expired processed-event marks", removed);
        }
        return removed;
    }

    static String key(IncomingEvent event) {
        return event.source() + "|" + event.id();
    }
}
