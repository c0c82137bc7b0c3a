package org.netzerocities.testsupport;

import java.time.Instant;
import java.util.UUID;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.IncomingEvent;

/**
 * Runs an {@link EventHandler} on a sample event without Kafka, the way the dispatcher would: the payload
 * goes through JSON and the type's schema first, so a sample that producers could not send fails here too.
 */
public final class HandlerHarness {

    private static final EventCodec CODEC = new EventCodec();

    private HandlerHarness() {
    }

    /** Delivers {@code payload} as a new event keyed by {@code key}; returns the event it delivered. */
    public static <T> IncomingEvent deliver(EventHandler<T> handler, String key, T payload) {
        IncomingEvent event = sample(handler, key, payload);
        redeliver(handler, event);
        return event;
    }

    /** Delivers an event again, as a redelivery or a replay would. */
    public static <T> void redeliver(EventHandler<T> handler, IncomingEvent event) {
        handler.handle(event.payload(handler.type()), event);
    }

    public static <T> IncomingEvent sample(EventHandler<T> handler, String key, T payload) {
        return new IncomingEvent(UUID.randomUUID().toString(), handler.type().type(), "/test", key, Instant.now(),
                null, CODEC.write(payload), CODEC);
    }
}
