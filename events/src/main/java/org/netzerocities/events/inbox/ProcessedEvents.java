package org.netzerocities.events.inbox;

import java.time.Clock;
import java.time.Instant;

import org.netzerocities.events.kafka.IncomingEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which events each consumer has handled, so a redelivered or replayed event has no second
 * effect. The record's id is {@code consumer/eventId}, which makes it unique per consumer without a
 * separate index. The mark is written after the handler succeeds: a crash in between redelivers the
 * event, so handlers should also be idempotent in what they write (deterministic ids, upserts).
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs {@code handler} unless {@code consumer} has already processed this event; returns whether it ran. */
    public boolean handleOnce(String consumer, IncomingEvent event, Runnable handler) {
        String id = consumer + "/" + event.id();
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)) {
            return false;
        }
        handler.run();
        try {
            mongo.insert(new ProcessedEvent(id, consumer, event.id(), event.type(), clock.instant()));
        }
        catch (DuplicateKeyException ex) {
            // a concurrent delivery of the same event finished first; its effect is the one kept
            return false;
        }
        return true;
    }

    @Document(COLLECTION)
    record ProcessedEvent(String id, String consumer, String eventId, String type, Instant processedAt) {
    }
}
