package org.netzerocities.events.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-aggregate leases, so that of several relay instances only one sends an aggregate's events at a
 * time: two relays cannot both send a backlog nor reorder one aggregate's events. A lease is one small
 * document taken with an upsert that only matches an expired lease (a live one makes the upsert collide
 * on {@code _id}); it expires by itself when its holder dies.
 */
class OutboxLeases {

    static final String COLLECTION = "outbox_leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration duration;
    private final String owner;

    OutboxLeases(MongoTemplate mongo, Clock clock, Duration duration, String owner) {
        this.mongo = mongo;
        this.clock = clock;
        this.duration = duration;
        this.owner = owner;
    }

    boolean tryAcquire(AggregateRef aggregate) {
        Instant now = clock.instant();
        Query expiredOrOwn = Query.query(Criteria.where("_id").is(aggregate.leaseId())
                .orOperator(Criteria.where("until").lt(now), Criteria.where("owner").is(owner)));
        try {
            mongo.upsert(expiredOrOwn, new Update().set("owner", owner).set("until", now.plus(duration)), COLLECTION);
            return true;
        }
        catch (DuplicateKeyException heldByAnotherRelay) {
            return false;
        }
    }

    void release(AggregateRef aggregate) {
        mongo.remove(Query.query(Criteria.where("_id").is(aggregate.leaseId()).and("owner").is(owner)), COLLECTION);
    }
}
