package org.netzerocities.support.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.netzerocities.events.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Background work that runs once across the service's instances: each job has one lease document in
 * {@value #COLLECTION}, taken by one atomic conditional upsert on its {@code _id} that only matches a lease that
 * has expired or that this instance already holds. While another instance holds it, the upsert tries to insert a
 * second document with the same {@code _id} and fails on the unique {@code _id} index, on a real MongoDB and on
 * the embedded server alike; no lock in the JVM is involved.
 * <p>
 * The lease is kept until it expires rather than released when the task ends, so that a job due every
 * {@code holdFor} runs once per period across instances, not once per instance; a holder that dies leaves it to
 * expire. {@code holdFor} must exceed the task's longest run, or a second instance may start while it still runs.
 * <p>
 * Every service with a database gets one ({@link ClusterLeaseAutoConfiguration}).
 */
public class ClusterLease {

    static final String COLLECTION = "scheduler_leases";
    private static final Logger log = LoggerFactory.getLogger(ClusterLease.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String instanceId;

    public ClusterLease(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    ClusterLease(MongoTemplate mongo, Clock clock, String instanceId) {
        this.mongo = mongo;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /**
     * Runs {@code task} if this instance holds the lease {@code name} for the next {@code holdFor}.
     *
     * @return whether it ran; false when another instance holds the lease
     */
    public boolean tryRun(String name, Duration holdFor, Periodic.Task task) throws Exception {
        if (!tryAcquire(name, holdFor)) {
            return false;
        }
        log.debug("lease {} taken by instance {} for {}", name, instanceId, holdFor);
        task.run();
        return true;
    }

    /**
     * A background loop that runs {@code task} every {@code interval} once across instances (the lease held for
     * one interval). Declare it as a bean so that it starts and stops with the application. The first run comes one
     * interval after start-up, not during it: a job such as the digest then never competes with a starting
     * instance's catching up on its topics.
     */
    public Periodic every(String name, Duration interval, Periodic.Task task) {
        AtomicBoolean started = new AtomicBoolean();
        return new Periodic(name, interval, () -> {
            if (started.getAndSet(true)) {
                tryRun(name, interval, task);
            }
        });
    }

    boolean tryAcquire(String name, Duration holdFor) {
        Instant now = clock.instant();
        Query expiredOrOwn = Query.query(Criteria.where("_id").is(name)
                .orOperator(Criteria.where("until").lte(now), Criteria.where("holder").is(instanceId)));
        try {
            mongo.upsert(expiredOrOwn, new Update().set("holder", instanceId).set("since", now)
                    .set("until", now.plus(holdFor)), COLLECTION);
            return true;
        }
        catch (DuplicateKeyException heldByAnotherInstance) {
            return false;
        }
    }
}
