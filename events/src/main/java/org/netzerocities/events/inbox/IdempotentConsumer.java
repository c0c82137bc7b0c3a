package org.netzerocities.events.inbox;

import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@code @KafkaListener} delegates to: reads the CloudEvents envelope, skips types the
 * consumer does not handle (topics carry several), and runs the handler at most once per event id.
 * An unreadable record throws {@link org.netzerocities.events.kafka.InvalidEventException}, which the
 * error handler sends to the dead-letter topic without retrying.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final EventCodec codec;
    private final ProcessedEvents processed;

    public IdempotentConsumer(EventCodec codec, ProcessedEvents processed) {
        this.codec = codec;
        this.processed = processed;
    }

    /**
     * @param handler  receives the payload and the envelope (for the event id, time, source)
     * @param consumer a name unique to this handler within the service, e.g. {@code welcome-notifications}
     */
    public <T> void consume(String consumer, ConsumerRecord<String, String> record, EventType<T> type,
            BiConsumer<T, IncomingEvent> handler) {
        IncomingEvent event = codec.fromRecord(record);
        if (!event.is(type)) {
            return;
        }
        T payload = event.payload(type);
        boolean ran = processed.handleOnce(consumer, event, () -> handler.accept(payload, event));
        if (!ran) {
            log.debug("{} skipped event {} already processed", consumer, event.id());
        }
    }
}
