package org.netzerocities.events.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.listener.BatchListenerFailedException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The single entry point of a service's consumption: one listener per topic hands every record here, and
 * this dispatches it on its CloudEvents type to the handlers registered for that type.
 *
 * <ul>
 * <li>Types without a handler are skipped and counted, so a producer may add types before consumers know
 * them.</li>
 * <li>Tombstones (no value) go to the topic's {@link TombstoneHandler}, or are skipped: never dead letters.</li>
 * <li>An event this service has already handled is skipped ({@link ProcessedEvents}), unless all its handlers are
 * {@linkplain EventHandler#idempotentByItself() idempotent by themselves}.</li>
 * <li>An unreadable record or a payload that violates its schema throws
 * {@link org.netzerocities.events.kafka.InvalidEventException}, which the error handler dead-letters.</li>
 * <li>The listeners hand over a poll's records at once ({@link #dispatchAll}): the {@link DeferredWork} of their
 * handlers is awaited once per poll, before its offsets are committed.</li>
 * </ul>
 */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    /** Far beyond the producers' delivery timeout, which completes a send's future with a failure first. */
    private static final long DEFERRED_WORK_LIMIT_SECONDS = 60;

    private final Map<String, List<EventHandler<?>>> handlersByType;
    private final Map<String, TombstoneHandler> tombstoneHandlers;
    /** Types with a handler that relies on the processed mark to skip an event handled already. */
    private final Set<String> markedTypes;
    private final Set<String> topics;
    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public EventDispatcher(Collection<EventHandler<?>> handlers, Collection<TombstoneHandler> tombstoneHandlers,
            EventCodec codec, ProcessedEvents processed, MeterRegistry meters) {
        this(handlers, tombstoneHandlers, codec, processed, meters, ObservationRegistry.NOOP);
    }

    /**
     * @param observations observes each record's handling as spring-kafka's listener observation would (the
     *                     listeners take batches, which spring-kafka does not observe): its timer, and with a
     *                     tracer a span continuing the producer's trace from the {@code traceparent} header
     */
    public EventDispatcher(Collection<EventHandler<?>> handlers, Collection<TombstoneHandler> tombstoneHandlers,
            EventCodec codec, ProcessedEvents processed, MeterRegistry meters, ObservationRegistry observations) {
        this.handlersByType = handlers.stream().collect(Collectors.groupingBy(h -> h.type().type(),
                LinkedHashMap::new, Collectors.toList()));
        this.tombstoneHandlers = tombstoneHandlers.stream().collect(Collectors.toMap(TombstoneHandler::topic,
                h -> h, (a, b) -> {
                    throw new IllegalStateException("Two tombstone handlers for " + a.topic());
                }));
        tombstoneHandlers.forEach(h -> {
            if (!EventCatalog.isCompacted(h.topic())) {
                throw new IllegalStateException(h.topic() + " is not compacted: it carries no tombstones");
            }
        });
        this.markedTypes = handlers.stream().filter(h -> !h.idempotentByItself()).map(h -> h.type().type())
                .collect(Collectors.toSet());
        this.topics = new TreeSet<>();
        handlers.forEach(h -> topics.add(h.type().topic()));
        topics.addAll(this.tombstoneHandlers.keySet());
        this.codec = codec;
        this.processed = processed;
        this.meters = meters;
        this.observations = observations;
    }

    /** The topics this service listens to: one listener each. */
    public Set<String> topics() {
        return Set.copyOf(topics);
    }

    /**
     * Dispatches a poll's records in order, then awaits the work their handlers deferred. When a record fails, or
     * the work it deferred does, the exception names that record: the error handler commits the offsets before it,
     * and retries or dead-letters it (records after it come again, and their idempotent handlers skip what is done).
     */
    public void dispatchAll(List<ConsumerRecord<String, String>> records) {
        try (var scope = DeferredWork.Scope.open()) {
            for (int i = 0; i < records.size(); i++) {
                scope.at(i);
                try {
                    dispatch(records.get(i));
                }
                catch (RuntimeException ex) {
                    awaitDeferred(scope);
                    throw new BatchListenerFailedException("Handling failed", ex, i);
                }
            }
            awaitDeferred(scope);
        }
    }

    /** Awaits the work in order of the records that left it; fails on the first record whose work failed. */
    private static void awaitDeferred(DeferredWork.Scope scope) {
        for (DeferredWork.Pending pending : scope.pending()) {
            try {
                pending.work().get(DEFERRED_WORK_LIMIT_SECONDS, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new BatchListenerFailedException("Interrupted awaiting deferred work", ex,
                        pending.recordIndex());
            }
            catch (ExecutionException | TimeoutException ex) {
                throw new BatchListenerFailedException("Deferred work failed",
                        ex instanceof ExecutionException ? ex.getCause() : ex, pending.recordIndex());
            }
        }
    }

    public void dispatch(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            forget(record);
            return;
        }
        IncomingEvent event = codec.fromRecord(record);
        List<EventHandler<?>> handlers = handlersByType.getOrDefault(event.type(), List.of());
        if (handlers.isEmpty()) {
            count(record.topic(), event.type(), "unhandled-type");
            log.debug("No handler for {} on {}: skipped", event.type(), record.topic());
            return;
        }
        boolean marked = markedTypes.contains(event.type());
        if (marked && processed.contains(event)) {
            count(record.topic(), event.type(), "duplicate");
            log.debug("Event {} already handled: skipped", event.id());
            return;
        }
        observe(record).observe(() -> {
            List<Object> payloads = new ArrayList<>(handlers.size());
            for (EventHandler<?> handler : handlers) {
                payloads.add(event.payload(handler.type()));
            }
            // the mark says the effects are done: such handlers may not leave work to be awaited later
            DeferredWork.Scope scope = marked ? DeferredWork.current() : null;
            if (scope != null) {
                scope.suspend(true);
            }
            try {
                for (int i = 0; i < handlers.size(); i++) {
                    handle(handlers.get(i), payloads.get(i), event);
                }
            }
            finally {
                if (scope != null) {
                    scope.suspend(false);
                }
            }
            if (marked) {
                processed.markProcessed(event);
            }
        });
        count(record.topic(), event.type(), "handled");
    }

    private Observation observe(ConsumerRecord<String, String> record) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, EventListeners.ID_PREFIX + record.topic(), null,
                        KafkaUtils.getConsumerGroupId(), () -> null),
                observations);
    }

    @SuppressWarnings("unchecked")
    private static <T> void handle(EventHandler<T> handler, Object payload, IncomingEvent event) {
        handler.handle((T) payload, event);
    }

    private void forget(ConsumerRecord<String, String> record) {
        TombstoneHandler handler = tombstoneHandlers.get(record.topic());
        if (handler == null || record.key() == null) {
            count(record.topic(), "tombstone", "skipped");
            return;
        }
        handler.forget(record.key());
        count(record.topic(), "tombstone", "handled");
    }

    /** Counters are looked up once per combination, not built again for every record. */
    private void count(String topic, String type, String outcome) {
        counters.computeIfAbsent(List.of(topic, type, outcome), key -> Counter.builder("nzc.events.consumed")
                .description("Records the service's listeners received, by what became of them")
                .tag("topic", topic).tag("type", type).tag("outcome", outcome)
                .register(meters)).increment();
    }
}
