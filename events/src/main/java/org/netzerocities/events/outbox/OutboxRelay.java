package org.netzerocities.events.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.netzerocities.events.kafka.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ArrayOperators;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the events waiting in aggregates' outboxes to Kafka, then removes each one sent. Delivery is
 * at least once: a crash between the send and the removal sends the event again, which consumers
 * absorb because they deduplicate on the event id. Events of one aggregate go out in the order they
 * were stored; when a send fails the relay stops the round and tries again on the next tick, so a
 * broker outage only delays events.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Present only while an aggregate has unsent events: a sparse index on it finds them without a scan. */
    private static final String PENDING = OutboxAggregate.OUTBOX_FIELD + ".eventId";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final List<String> collections;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final int batchSize;
    private static final int NOTHING_PENDING = -1;

    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean brokerFailing;
    private ScheduledExecutorService scheduler;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, EventCodec codec,
            List<String> collections, Duration pollInterval, Duration sendTimeout, int batchSize) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
    }

    /** Relays what is pending now; returns how many events were sent. */
    public int relayPending() {
        int sent = 0;
        boolean anyPending = false;
        try {
            for (String collection : collections) {
                int relayed = relay(collection);
                anyPending |= relayed != NOTHING_PENDING;
                sent += Math.max(relayed, 0);
            }
            if (brokerFailing) {
                log.info("Outbox relay reaches Kafka again");
                brokerFailing = false;
            }
        }
        catch (SendFailedException ex) {
            anyPending = true;
            if (!brokerFailing) {
                log.warn("Outbox relay cannot send to Kafka, events wait in the outbox: {}", ex.getMessage());
                brokerFailing = true;
            }
        }
        finally {
            // an idle round costs one indexed query; counting is only worth it when something was pending
            backlog.set(anyPending ? countPending() : 0);
        }
        return sent;
    }

    /** Events stored but not yet sent, across the relayed collections. */
    public long backlog() {
        return backlog.get();
    }

    /** Sends what one collection has pending; returns how many were sent, or {@link #NOTHING_PENDING}. */
    private int relay(String collection) {
        Query pending = Query.query(Criteria.where(PENDING).exists(true)).limit(batchSize);
        pending.fields().include(OutboxAggregate.OUTBOX_FIELD);
        List<Document> aggregates = mongo.find(pending, Document.class, collection);
        if (aggregates.isEmpty()) {
            return NOTHING_PENDING;
        }
        int sent = 0;
        for (Document aggregate : aggregates) {
            for (Document stored : aggregate.getList(OutboxAggregate.OUTBOX_FIELD, Document.class)) {
                PendingEvent event = mongo.getConverter().read(PendingEvent.class, stored);
                send(event);
                mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.get("_id"))),
                        new Update().pull(OutboxAggregate.OUTBOX_FIELD, new Document("eventId", event.eventId())),
                        collection);
                sent++;
            }
        }
        return sent;
    }

    private void send(PendingEvent event) {
        try {
            kafka.send(codec.toRecord(event)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SendFailedException(ex);
        }
        catch (Exception ex) {
            throw new SendFailedException(ex);
        }
    }

    private long countPending() {
        long total = 0;
        for (String collection : collections) {
            Aggregation count = Aggregation.newAggregation(
                    Aggregation.match(Criteria.where(PENDING).exists(true)),
                    Aggregation.project().and(ArrayOperators.Size.lengthOfArray(OutboxAggregate.OUTBOX_FIELD))
                            .as("pending"),
                    Aggregation.group().sum("pending").as("total"));
            Document result = mongo.aggregate(count, collection, Document.class).getUniqueMappedResult();
            if (result != null) {
                total += ((Number) result.get("total")).longValue();
            }
        }
        return total;
    }

    @Override
    public synchronized void start() {
        if (collections.isEmpty()) {
            return; // this service publishes nothing
        }
        collections.forEach(collection -> mongo.indexOps(collection)
                .createIndex(new Index().on(PENDING, Sort.Direction.ASC).sparse().named("outbox_pending")));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::relaySafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void relaySafely() {
        try {
            relayPending();
        }
        catch (RuntimeException ex) {
            // a database hiccup must not cancel the schedule
            log.warn("Outbox relay round failed: {}", ex.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private static final class SendFailedException extends RuntimeException {
        SendFailedException(Throwable cause) {
            super(cause.getCause() != null ? cause.getCause().toString() : cause.toString(), cause);
        }
    }
}
