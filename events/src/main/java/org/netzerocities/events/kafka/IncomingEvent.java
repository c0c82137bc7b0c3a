package org.netzerocities.events.kafka;

import java.time.Instant;

import org.netzerocities.events.contract.EventType;

/** A consumed event: its CloudEvents attributes and its still unparsed JSON body. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String data,
        EventCodec codec) {

    public boolean is(EventType<?> eventType) {
        return eventType.type().equals(type);
    }

    /**
     * The body as the payload of {@code eventType}.
     *
     * @throws InvalidEventException when the body does not parse
     */
    public <T> T payload(EventType<T> eventType) {
        return codec.read(data, eventType.payloadType());
    }
}
