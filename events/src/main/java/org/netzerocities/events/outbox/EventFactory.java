package org.netzerocities.events.outbox;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.kafka.EventCodec;

/** Creates the pending events a service stores with its aggregates. */
public class EventFactory {

    /** The {@code ce_type} a tombstone carries; consumers recognise tombstones by their missing value. */
    public static final String TOMBSTONE_TYPE = "org.netzerocities.tombstone.v1";

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

    /**
     * A tombstone for {@code key} on a compacted topic: a record without a value, which tells consumers to
     * forget the key and lets compaction remove the key's earlier values from the topic.
     */
    public PendingEvent tombstone(String topic, String key) {
        if (!EventCatalog.isCompacted(topic)) {
            throw new IllegalArgumentException(topic + " is not compacted: a tombstone there would erase nothing");
        }
        return new PendingEvent(UUID.randomUUID().toString(), TOMBSTONE_TYPE, topic, key, source, clock.instant(),
                null, traceparent.get(), 0, null);
    }
}
