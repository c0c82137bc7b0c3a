package org.netzerocities.events.outbox;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.netzerocities.events.kafka.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the service's {@link BusinessCounter}s from the events its outbox relay has sent. */
public class BusinessMetrics implements Consumer<PendingEvent> {

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

    private final Map<String, List<BusinessCounter<?>>> byType;
    private final EventCodec codec;
    private final MeterRegistry meters;

    public BusinessMetrics(List<BusinessCounter<?>> counters, EventCodec codec, MeterRegistry meters) {
        this.byType = counters.stream().collect(Collectors.groupingBy(counter -> counter.type().type()));
        this.codec = codec;
        this.meters = meters;
    }

    @Override
    public void accept(PendingEvent sent) {
        for (BusinessCounter<?> counter : byType.getOrDefault(sent.type(), List.of())) {
            try {
                count(counter, sent.data());
            }
            catch (RuntimeException ex) {
                // a figure must never hold up the relay: the event is sent whatever happens here
                log.warn("Counter {} skipped event {}: {}", counter.name(), sent.eventId(), ex.getClass().getSimpleName());
            }
        }
    }

    private <T> void count(BusinessCounter<T> counter, String data) {
        T payload = codec.read(data, counter.type());
        Counter.builder(counter.name()).description(counter.description()).tags(counter.tags().apply(payload))
                .register(meters).increment();
    }
}
