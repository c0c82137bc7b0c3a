package org.netzerocities.events.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-aggregate leases, so that of several relay instances only one sends an aggregate's events at a
 * time: two relays cannot both send a backlog nor reorder one aggregate's events. A lease is one small
 * document taken with an upsert that only matches an expired lease (a live one makes the upsert collide
 * on {@code _id}); it expires by itself when its holder dies. A relay round takes and releases the leases of all
 * its aggregates in one write each.
 */
class OutboxLeases {

    static final String COLLECTION = "outbox_leases";
    private static final int DUPLICATE_KEY = 11000;

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

    /**
     * Takes the leases of the aggregates in one bulk write; returns those taken, in order. An aggregate whose
     * lease another relay holds is left out: the upsert matches no expired or own lease, and its insert collides
     * on {@code _id}.
     */
    List<AggregateRef> tryAcquire(List<AggregateRef> aggregates) {
        if (aggregates.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (AggregateRef aggregate : aggregates) {
            bulk.upsert(Query.query(Criteria.where("_id").is(aggregate.leaseId())
                    .orOperator(Criteria.where("until").lt(now), Criteria.where("owner").is(owner))),
                    new Update().set("owner", owner).set("until", now.plus(duration)));
        }
        Set<Integer> heldElsewhere = new HashSet<>();
        try {
            bulk.execute();
        }
        catch (BulkOperationException failed) {
            for (var error : failed.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw failed;
                }
                heldElsewhere.add(error.getIndex());
            }
        }
        List<AggregateRef> taken = new ArrayList<>(aggregates.size());
        for (int i = 0; i < aggregates.size(); i++) {
            if (!heldElsewhere.contains(i)) {
                taken.add(aggregates.get(i));
            }
        }
        return taken;
    }

    /** Releases this relay's leases of the aggregates, in one write. */
    void release(List<AggregateRef> aggregates) {
        if (!aggregates.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(aggregates.stream().map(AggregateRef::leaseId).toList())
                    .and("owner").is(owner)), COLLECTION);
        }
    }
}
