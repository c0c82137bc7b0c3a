package org.netzerocities.events.outbox;

import java.time.Instant;

/**
 * An event waiting to be relayed to Kafka. Aggregates keep their pending events in an {@code outbox}
 * array inside their own document, so the state change and the event are one single-document write:
 * atomic on every MongoDB, with or without transactions.
 *
 * @param eventId CloudEvents id, also the consumers' deduplication key
 * @param key     Kafka record key and CloudEvents subject: the aggregate id
 * @param data    JSON body
 */
public record PendingEvent(
        String eventId,
        String type,
        String topic,
        String key,
        String source,
        Instant time,
        String data) {
}
