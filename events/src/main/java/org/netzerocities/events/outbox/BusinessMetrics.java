package org.netzerocities.events.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.netzerocities.events.kafka.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the service's {@link BusinessCounter}s from the events its outbox relay has sent, on a thread of its own:
 * a counter's tags may need a database read (the author's city of a post), which must not hold up the relay's next
 * round. At most {@value #BACKLOG} sent events wait to be counted; beyond, a figure is dropped with a warning, never
 * the relay slowed.
 */
public class BusinessMetrics implements Consumer<PendingEvent> {

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);
    static final int BACKLOG = 10_000;

    private final Map<String, List<BusinessCounter<?>>> byType;
    private final EventCodec codec;
    private final MeterRegistry meters;
    // one daemon thread, in the order the relay sent the events, ending when idle: nothing to stop
    private final ThreadPoolExecutor counting = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG), runnable -> {
                Thread thread = new Thread(runnable, "business-metrics");
                thread.setDaemon(true);
                return thread;
            }, (dropped, executor) -> log.warn("Business figures fall behind: a sent event was not counted"));

    public BusinessMetrics(List<BusinessCounter<?>> counters, EventCodec codec, MeterRegistry meters) {
        counting.allowCoreThreadTimeOut(true);
        this.byType = counters.stream().collect(Collectors.groupingBy(counter -> counter.type().type()));
        this.codec = codec;
        this.meters = meters;
    }

    @Override
    public void accept(PendingEvent sent) {
        List<BusinessCounter<?>> counters = byType.get(sent.type());
        if (counters != null) {
            counting.execute(() -> countAll(counters, sent));
        }
    }

    private void countAll(List<BusinessCounter<?>> counters, PendingEvent sent) {
        for (BusinessCounter<?> counter : counters) {
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
