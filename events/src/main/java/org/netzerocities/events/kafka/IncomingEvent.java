package org.netzerocities.events.kafka;

import java.time.Instant;

import org.netzerocities.events.contract.EventType;

/**
 * A consumed event: its CloudEvents attributes and its still unparsed JSON body.
 *
 * @param traceparent the W3C trace context the producer recorded, or {@code null}
 */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String traceparent,
        String data, EventCodec codec) {

    /**
     * The body as the payload of {@code eventType}.
     *
     * @throws InvalidEventException when the body does not parse or violates the type's schema
     */
    public <T> T payload(EventType<T> eventType) {
        return codec.read(data, eventType);
    }
}
