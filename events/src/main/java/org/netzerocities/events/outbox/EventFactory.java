package org.netzerocities.events.outbox;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.kafka.EventCodec;

/** Creates the pending events a service stores with its aggregates. */
public class EventFactory {

    private final String source;
    private final EventCodec codec;
    private final Clock clock;
    private final Supplier<String> traceparent;

    /**
     * @param traceparent the W3C {@code traceparent} of the work in progress (the HTTP request), or null
     *                    outside one; kept with each event so a trace spans HTTP, Kafka and the consumer
     */
    public EventFactory(String source, EventCodec codec, Clock clock, Supplier<String> traceparent) {
        this.source = source;
        this.codec = codec;
        this.clock = clock;
        this.traceparent = traceparent;
    }

    public <T> PendingEvent create(EventType<T> type, String aggregateId, T payload) {
        return new PendingEvent(UUID.randomUUID().toString(), type.type(), type.topic(), aggregateId, source,
                clock.instant(), codec.write(payload), traceparent.get(), 0, null);
    }
}
