package org.netzerocities.events.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Outbox entries the relay gave up on (unconvertible, refused by the broker for good, or failing too
 * often while other events went through): kept aside, visible and re-drivable, so they block nothing.
 */
class ParkedEvents {

    static final String COLLECTION = "outbox_parked";

    private final MongoTemplate mongo;
    private final Clock clock;

    ParkedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Keeps the entry aside; parking the same entry twice (a crash in between) keeps one copy. */
    void park(AggregateRef aggregate, Document entry, int attempts, String reason) {
        Object eventId = entry.get("eventId");
        try {
            mongo.insert(new Document("_id", eventId != null ? eventId.toString() : UUID.randomUUID().toString())
                    .append("collection", aggregate.collection()).append("aggregateId", aggregate.id())
                    .append("entry", entry).append("attempts", attempts).append("reason", reason)
                    .append("parkedAt", clock.instant()), COLLECTION);
        }
        catch (DuplicateKeyException alreadyParked) {
            // parked before a crash kept it in the outbox too
        }
    }

    List<Document> list(int limit) {
        return mongo.find(new Query().with(Sort.by("parkedAt")).limit(limit), Document.class, COLLECTION);
    }

    Document get(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    void remove(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    long count() {
        return mongo.count(new Query(), COLLECTION);
    }
}
