package org.netzerocities.events.outbox;

import java.time.Clock;
import java.util.UUID;

import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.kafka.EventCodec;

/** Creates the pending events a service stores with its aggregates. */
public class EventFactory {

    private final String source;
    private final EventCodec codec;
    private final Clock clock;

    public EventFactory(String source, EventCodec codec, Clock clock) {
        this.source = source;
        this.codec = codec;
        this.clock = clock;
    }

    public <T> PendingEvent create(EventType<T> type, String aggregateId, T payload) {
        return new PendingEvent(UUID.randomUUID().toString(), type.type(), type.topic(), aggregateId, source,
                clock.instant(), codec.write(payload));
    }
}
