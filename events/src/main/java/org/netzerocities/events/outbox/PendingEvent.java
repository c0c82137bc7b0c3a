package org.netzerocities.events.outbox;

import java.time.Instant;

/**
 * An event waiting to be relayed to Kafka. Aggregates keep their pending events in an {@code outbox}
 * array inside their own document, so the state change and the event are one single-document write:
 * atomic on every MongoDB, with or without transactions.
 *
 * <p>Entries written before {@code traceparent}, {@code attempts} and {@code lastError} existed read with
 * those fields empty, so stored data keeps working.
 *
 * @param eventId     CloudEvents id, also the consumers' deduplication key
 * @param key         Kafka record key and CloudEvents subject: the aggregate id
 * @param data        JSON body
 * @param traceparent W3C trace context of the request that caused the event, or {@code null}
 * @param attempts    failed sends so far
 * @param lastError   why the last send failed, or {@code null}
 */
public record PendingEvent(
        String eventId,
        String type,
        String topic,
        String key,
        String source,
        Instant time,
        String data,
        String traceparent,
        Integer attempts,
        String lastError) {

    public PendingEvent(String eventId, String type, String topic, String key, String source, Instant time,
            String data) {
        this(eventId, type, topic, key, source, time, data, null, 0, null);
    }
}
