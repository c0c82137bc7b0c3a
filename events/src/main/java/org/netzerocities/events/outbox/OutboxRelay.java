package org.netzerocities.events.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.netzerocities.events.EphemeralWrites;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.trace.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.ReadConcern;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * Sends the events waiting in aggregates' outboxes to Kafka and removes them once the broker has them.
 *
 * <ul>
 * <li><b>Fast:</b> a write that adds events wakes the relay at once ({@link #wake}); the events of many
 * aggregates are sent together without waiting for each acknowledgement, and each aggregate's acknowledged
 * prefix is removed with one update. A poll every {@code poll-interval} is only a safety net.</li>
 * <li><b>Never stalls:</b> an entry that cannot be sent for good (unconvertible, too large, refused) is
 * parked at once; one that keeps failing while other events go through is parked after
 * {@code max-attempts}; each entry keeps its attempts and last error. A failing aggregate never holds up
 * the others. While the broker is away nothing is parked: events wait.</li>
 * <li><b>Safe with several instances:</b> an aggregate is relayed only under a lease ({@link OutboxLeases}),
 * and its events are removed before the lease is released, so two relays neither send a backlog twice nor
 * reorder an aggregate's events. Removing bumps the aggregate's version, so a stale whole-document save
 * fails instead of bringing removed events back.</li>
 * </ul>
 * Delivery is at least once (a crash between send and removal sends again); consumers deduplicate on the
 * event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Present only while an aggregate has unsent events: a sparse index on it finds them without a scan. */
    static final String PENDING = OutboxAggregate.OUTBOX_FIELD + ".eventId";
    private static final String OUTBOX = OutboxAggregate.OUTBOX_FIELD;
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final EventBackboneProperties.Outbox settings;
    private final Set<String> collections;
    private final Clock clock;
    private final OutboxLeases leases;
    private final ParkedEvents parked;
    private final BlockingQueue<AggregateRef> wakeups = new LinkedBlockingQueue<>();

    private final AtomicLong backlog = new AtomicLong();
    /** Set when events stay behind after a round (broker away, a lease held elsewhere): poll sooner. */
    private volatile boolean eventsWaiting;
    private final AtomicLong oldestPendingMillis = new AtomicLong(-1);
    private final AtomicLong parkedCount = new AtomicLong();
    private volatile boolean brokerFailing;
    private Consumer<PendingEvent> sentListener = event -> {
    };
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private volatile boolean running;
    private Thread worker;
    private ScheduledExecutorService retries;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, EventCodec codec,
            EventBackboneProperties.Outbox settings, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.settings = settings;
        this.collections = Set.copyOf(settings.getCollections());
        this.clock = clock;
        this.leases = new OutboxLeases(EphemeralWrites.of(mongo), clock, settings.getLeaseDuration(),
                UUID.randomUUID().toString());
        this.parked = new ParkedEvents(mongo, clock);
    }

    /** Hands each event the broker acknowledged to {@code listener}, once it has left the outbox. */
    public void onSent(Consumer<PendingEvent> listener) {
        this.sentListener = listener;
    }

    /**
     * Sends each event inside the trace its request recorded (a span of the relay, child of the request's), so
     * that KafkaTemplate's observation writes a {@code traceparent} of that trace rather than starting a new one.
     */
    public void observe(ObservationRegistry registry) {
        this.observations = registry;
    }

    /** Whether this relay publishes the outbox of documents in {@code collection}. */
    public boolean relays(String collection) {
        return collections.contains(collection);
    }

    /** Called right after a write that added events to an aggregate: relay it now rather than at the next poll. */
    public void wake(String collection, Object aggregateId) {
        if (relays(collection)) {
            wakeups.offer(new AggregateRef(collection, aggregateId));
        }
    }

    /**
     * Relays everything pending now, in the calling thread, and refreshes the gauges; returns how many
     * events were sent. The background worker does the same continuously.
     */
    public int relayPending() {
        List<AggregateRef> pending = findPending();
        int sent = 0;
        for (int from = 0; from < pending.size(); from += settings.getBatchSize()) {
            sent += relay(pending.subList(from, Math.min(pending.size(), from + settings.getBatchSize())));
        }
        return sent;
    }

    /** Events stored but not yet sent, across the relayed collections, as of the last poll. */
    public long backlog() {
        return backlog.get();
    }

    /** Age of the oldest event waiting to be sent as of the last poll; zero when none waits. */
    public Duration oldestPendingAge() {
        long oldest = oldestPendingMillis.get();
        return oldest < 0 ? Duration.ZERO : Duration.between(Instant.ofEpochMilli(oldest), clock.instant());
    }

    public long parkedCount() {
        return parkedCount.get();
    }

    /** Parked entries, oldest first, as stored: {@code _id, collection, aggregateId, entry, attempts, reason}. */
    public List<Document> parked(int limit) {
        return parked.list(limit);
    }

    /**
     * Sends a parked entry now (after the cause was fixed) and forgets it once the broker has it.
     *
     * @return false when there is no such parked entry
     * @throws IllegalStateException when it still cannot be sent
     */
    public boolean redriveParked(String parkedId) {
        Document stored = parked.get(parkedId);
        if (stored == null) {
            return false;
        }
        try {
            PendingEvent event = read(stored.get("entry", Document.class));
            kafka.send(codec.toRecord(event)).get(settings.getSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while re-driving " + parkedId, ex);
        }
        catch (ExecutionException | TimeoutException | RuntimeException ex) {
            throw new IllegalStateException("Parked event " + parkedId + " still cannot be sent: " + describe(ex), ex);
        }
        parked.remove(parkedId);
        parkedCount.set(parked.count());
        log.info("Re-drove parked outbox event {}", parkedId);
        return true;
    }

    /**
     * Relays a batch of aggregates; returns how many events the broker acknowledged. The round costs the same few
     * database round trips whatever its size (leases taken, outboxes read, acknowledged events removed, leases
     * released: one write or read each), so that a backlog is worked off in larger, cheaper rounds.
     */
    int relay(List<AggregateRef> aggregates) {
        List<AggregateRef> taken = leases.tryAcquire(aggregates);
        try {
            if (taken.size() < aggregates.size()) {
                Set<AggregateRef> held = new HashSet<>(taken);
                // another instance is relaying these; look again shortly in case it missed the newest events
                aggregates.stream().filter(aggregate -> !held.contains(aggregate))
                        .forEach(aggregate -> retryLater(aggregate, FIRST_RETRY));
            }
            Map<AggregateRef, List<Document>> outboxes = readOutboxes(taken);
            List<Claim> claims = new ArrayList<>();
            Set<String> unreachableTopics = new HashSet<>();
            for (AggregateRef aggregate : taken) {
                Claim claim = new Claim(aggregate);
                claims.add(claim);
                submit(claim, outboxes.getOrDefault(aggregate, List.of()), unreachableTopics);
            }
            long deadline = System.nanoTime() + settings.getSendTimeout().toNanos();
            claims.forEach(claim -> claim.settle(deadline));
            boolean brokerAccepts = claims.stream().anyMatch(claim -> !claim.acked.isEmpty());
            removeAcknowledged(claims);
            claims.forEach(claim -> claim.acked.forEach(entry -> sentListener.accept(read(entry))));
            int sent = 0;
            for (Claim claim : claims) {
                sent += finish(claim, brokerAccepts);
            }
            reportBroker(claims, brokerAccepts);
            int relayed = sent;
            backlog.updateAndGet(value -> Math.max(0, value - relayed));
            return sent;
        }
        finally {
            releaseQuietly(taken);
        }
    }

    /**
     * Sends an aggregate's entries in order until one is refused. A topic whose metadata did not arrive in
     * time (the broker is away, or the topic is missing) is not tried again in the same round: each try
     * would block for {@code max.block.ms}.
     */
    private void submit(Claim claim, List<Document> entries, Set<String> unreachableTopics) {
        for (Document entry : entries) {
            PendingEvent event;
            ProducerRecord<String, String> record;
            try {
                event = read(entry);
                record = codec.toRecord(event);
            }
            catch (RuntimeException unconvertible) {
                claim.failBeforeSending(entry, unconvertible, true);
                return;
            }
            if (unreachableTopics.contains(record.topic())) {
                claim.deferred = true;
                return;
            }
            CompletableFuture<?> result;
            try {
                result = inTraceOf(event, () -> kafka.send(record));
            }
            catch (RuntimeException refused) {
                refuse(claim, entry, record.topic(), refused, unreachableTopics);
                return; // later events of this aggregate must not overtake it
            }
            if (result.isCompletedExceptionally()) {
                refuse(claim, entry, record.topic(), result.handle((ok, failure) -> failure).join(),
                        unreachableTopics);
                return;
            }
            claim.sends.add(new Send(entry, result));
        }
    }

    private <T> T inTraceOf(PendingEvent event, Supplier<T> send) {
        if (!TraceContext.isValid(event.traceparent())) {
            return send.get();
        }
        var context = new ReceiverContext<String>(
                (traceparent, header) -> TraceContext.TRACEPARENT.equals(header) ? traceparent : null);
        context.setCarrier(event.traceparent());
        context.setRemoteServiceName("outbox");
        return Observation.createNotStarted("nzc.outbox.relay", () -> context, observations)
                .contextualName("outbox relay").observe(send);
    }

    /** The producer refused a record before it left: too large, no metadata for its topic in time, ... */
    private static void refuse(Claim claim, Document entry, String topic, Throwable refused,
            Set<String> unreachableTopics) {
        claim.failBeforeSending(entry, refused, isPermanent(refused));
        if (isMetadataTimeout(refused)) {
            unreachableTopics.add(topic);
        }
    }

    /**
     * Removes what the broker acknowledged from each aggregate's outbox and bumps its version: one bulk write per
     * collection. Events added meanwhile stay; the write that added them woke the relay again.
     */
    private void removeAcknowledged(List<Claim> claims) {
        Map<String, BulkOperations> removals = new LinkedHashMap<>();
        for (Claim claim : claims) {
            if (claim.acked.isEmpty()) {
                continue;
            }
            List<Object> ids = claim.acked.stream().map(entry -> entry.get("eventId")).toList();
            removals.computeIfAbsent(claim.aggregate.collection(),
                    collection -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection))
                    .updateOne(Query.query(Criteria.where("_id").is(claim.aggregate.id())), new Update()
                            .pull(OUTBOX, new Document("eventId", new Document("$in", ids)))
                            .inc(settings.getVersionField(), 1));
        }
        removals.values().forEach(BulkOperations::execute);
    }

    /** Records or parks a failure; returns how many events of the aggregate were sent. */
    private int finish(Claim claim, boolean brokerAccepts) {
        AggregateRef aggregate = claim.aggregate;
        Failure failure = claim.failure;
        if (claim.deferred && failure == null) {
            retryLater(aggregate, settings.getMaxRetryBackoff());
            return claim.acked.size();
        }
        if (failure == null) {
            return claim.acked.size();
        }
        int attempts = attemptsOf(failure.entry) + 1;
        if (failure.permanent || attempts >= settings.getMaxAttempts() && brokerAccepts) {
            park(aggregate, failure, attempts);
            wakeups.offer(aggregate); // what waited behind the parked entry goes now
        }
        else {
            recordAttempt(aggregate, failure, attempts);
            retryLater(aggregate, backoff(attempts));
        }
        return claim.acked.size();
    }

    private void park(AggregateRef aggregate, Failure failure, int attempts) {
        String reason = describe(failure.cause);
        parked.park(aggregate, failure.entry, attempts, reason);
        Object eventId = failure.entry.get("eventId");
        Document match = eventId != null ? new Document("eventId", eventId) : failure.entry;
        removeAndBumpVersion(aggregate, new Update().pull(OUTBOX, match));
        parkedCount.incrementAndGet();
        log.error("Parked outbox event {} of {} {} after {} attempt(s): {}", eventId, aggregate.collection(),
                aggregate.id(), attempts, reason);
    }

    private void recordAttempt(AggregateRef aggregate, Failure failure, int attempts) {
        Object eventId = failure.entry.get("eventId");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.id()).and(PENDING).is(eventId)),
                new Update().set(OUTBOX + ".$.attempts", attempts).set(OUTBOX + ".$.lastError", describe(failure.cause)),
                aggregate.collection());
    }

    /** Applies a removal from the outbox and bumps the version. */
    private void removeAndBumpVersion(AggregateRef aggregate, Update removal) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate.id())),
                removal.inc(settings.getVersionField(), 1), aggregate.collection());
    }

    /** The outboxes of the aggregates: one read by {@code _id} per collection. */
    private Map<AggregateRef, List<Document>> readOutboxes(List<AggregateRef> aggregates) {
        Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
        aggregates.forEach(aggregate -> idsByCollection.computeIfAbsent(aggregate.collection(),
                collection -> new ArrayList<>()).add(aggregate.id()));
        Map<AggregateRef, List<Document>> outboxes = new HashMap<>();
        idsByCollection.forEach((collection, ids) -> {
            for (Document document : collection(collection).find(Filters.in("_id", ids))
                    .projection(Projections.include(OUTBOX))) {
                outboxes.put(new AggregateRef(collection, document.get("_id")),
                        document.getList(OUTBOX, Document.class, List.of()));
            }
        });
        return outboxes;
    }

    /** Every aggregate with pending events, oldest first by their first event; refreshes the gauges. */
    List<AggregateRef> findPending() {
        List<AggregateRef> pending = new ArrayList<>();
        long count = 0;
        Instant oldest = null;
        for (String name : collections) {
            for (Document document : collection(name).find(Filters.exists(PENDING))
                    .projection(Projections.include(OUTBOX + ".time"))) {
                pending.add(new AggregateRef(name, document.get("_id")));
                for (Document entry : document.getList(OUTBOX, Document.class, List.of())) {
                    count++;
                    Instant time = entry.get("time") instanceof Date date ? date.toInstant() : null;
                    if (time != null && (oldest == null || time.isBefore(oldest))) {
                        oldest = time;
                    }
                }
            }
        }
        backlog.set(count);
        oldestPendingMillis.set(oldest == null ? -1 : oldest.toEpochMilli());
        parkedCount.set(parked.count());
        return pending;
    }

    private com.mongodb.client.MongoCollection<Document> collection(String name) {
        var collection = mongo.getCollection(name);
        // on a replica set, never relay a write that a failover could still roll back
        return settings.isMajorityReads() ? collection.withReadConcern(ReadConcern.MAJORITY) : collection;
    }

    private PendingEvent read(Document entry) {
        PendingEvent event = mongo.getConverter().read(PendingEvent.class, entry);
        if (event.eventId() == null || event.topic() == null || event.type() == null || event.source() == null
                || event.time() == null) {
            throw new IllegalArgumentException("Outbox entry lacks eventId, topic, type, source or time");
        }
        return event;
    }

    private static int attemptsOf(Document entry) {
        return entry.get("attempts") instanceof Number number ? number.intValue() : 0;
    }

    private Duration backoff(int attempts) {
        long millis = FIRST_RETRY.toMillis() << Math.min(attempts - 1, 10);
        return Duration.ofMillis(Math.min(millis, settings.getMaxRetryBackoff().toMillis()));
    }

    private static boolean isMetadataTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Errors that no retry can cure: the entry is parked at once. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidTopicException || cause instanceof SerializationException
                    || cause instanceof AuthorizationException || cause instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private void retryLater(AggregateRef aggregate, Duration delay) {
        eventsWaiting = true;
        ScheduledExecutorService scheduler = retries;
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.schedule(() -> wakeups.offer(aggregate), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void releaseQuietly(List<AggregateRef> aggregates) {
        try {
            leases.release(aggregates);
        }
        catch (RuntimeException ex) {
            log.debug("Leases on {} aggregates not released, they expire by themselves: {}", aggregates.size(),
                    ex.toString());
        }
    }

    private void reportBroker(List<Claim> claims, boolean brokerAccepts) {
        boolean anyFailure = claims.stream().anyMatch(claim -> claim.failure != null && !claim.failure.permanent);
        if (!brokerAccepts && anyFailure && !brokerFailing) {
            brokerFailing = true;
            log.warn("Outbox relay cannot send to Kafka, events wait in the outbox: {}", claims.stream()
                    .filter(c -> c.failure != null).map(c -> describe(c.failure.cause)).findFirst().orElse(""));
        }
        else if (brokerAccepts && brokerFailing) {
            brokerFailing = false;
            log.info("Outbox relay reaches Kafka again");
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof org.springframework.kafka.KafkaException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    // --- lifecycle: one worker thread, woken by writes, polling as a safety net

    @Override
    public synchronized void start() {
        if (collections.isEmpty() || running) {
            return; // this service publishes nothing
        }
        collections.forEach(collection -> mongo.indexOps(collection)
                .createIndex(new Index().on(PENDING, Sort.Direction.ASC).sparse().named("outbox_pending")));
        running = true;
        retries = Executors.newSingleThreadScheduledExecutor(daemon("outbox-relay-retries"));
        worker = daemon("outbox-relay").newThread(this::work);
        worker.start();
    }

    private void work() {
        long nextPoll = System.nanoTime();
        int failedRounds = 0;
        while (running) {
            try {
                if (System.nanoTime() - nextPoll >= 0) {
                    eventsWaiting = false;
                    List<AggregateRef> pending = findPending();
                    pending.forEach(wakeups::offer);
                    // while events wait, the backlog gauges and the health follow them at the shorter interval
                    nextPoll = System.nanoTime() + (pending.isEmpty() ? settings.getPollInterval()
                            : settings.getWaitingPollInterval()).toNanos();
                }
                long waitingPoll = System.nanoTime() + settings.getWaitingPollInterval().toNanos();
                if (eventsWaiting && nextPoll - waitingPoll > 0) {
                    nextPoll = waitingPoll;
                }
                AggregateRef first = wakeups.poll(Math.max(0, nextPoll - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first != null) {
                    Set<AggregateRef> batch = new LinkedHashSet<>();
                    batch.add(first);
                    List<AggregateRef> more = new ArrayList<>();
                    wakeups.drainTo(more, settings.getBatchSize() - 1);
                    batch.addAll(more);
                    relay(List.copyOf(batch));
                }
                failedRounds = 0;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException ex) {
                // the database is away: look again soon, the safety poll finds whatever was queued
                if (failedRounds++ == 0) {
                    log.warn("Outbox relay round failed, retrying: {}", ex.toString());
                }
                nextPoll = System.nanoTime() + backoff(failedRounds).toNanos() * 5;
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        worker.interrupt();
        retries.shutdownNow();
        try {
            worker.join(settings.getSendTimeout().toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The aggregate this relay holds the lease of, with what it sent and what failed. */
    private static final class Claim {

        final AggregateRef aggregate;
        final List<Send> sends = new ArrayList<>();
        final List<Document> acked = new ArrayList<>();
        Failure failure;
        /** Not tried this round because its topic was found unreachable: no attempt is counted. */
        boolean deferred;
        private Failure failedBeforeSending;

        Claim(AggregateRef aggregate) {
            this.aggregate = aggregate;
        }

        void failBeforeSending(Document entry, Throwable cause, boolean permanent) {
            failedBeforeSending = new Failure(entry, cause, permanent);
        }



        /** Waits for the acknowledgements: the prefix acknowledged in order, then the first failure. */
        void settle(long deadlineNanos) {
            for (Send send : sends) {
                try {
                    send.result.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (failure == null) {
                        acked.add(send.entry);
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    failure = failure != null ? failure : new Failure(send.entry, ex, false);
                }
                catch (ExecutionException ex) {
                    failure = failure != null ? failure
                            : new Failure(send.entry, ex.getCause(), isPermanent(ex.getCause()));
                }
                catch (TimeoutException ex) {
                    failure = failure != null ? failure : new Failure(send.entry, ex, false);
                }
            }
            if (failure == null) {
                failure = failedBeforeSending;
            }
        }
    }

    private record Send(Document entry, CompletableFuture<?> result) {
    }

    private record Failure(Document entry, Throwable cause, boolean permanent) {
    }
}
