package org.netzerocities.events.outbox;

import java.util.function.Function;

import org.netzerocities.events.contract.EventType;

import io.micrometer.core.instrument.Tags;

/**
 * A business figure (members joined per city, modules completed, ...) counted from the event that records the
 * fact, when the producing service's relay has sent it: an event exists only once the write of its aggregate
 * committed, so a write that failed or was retried counts nothing, and each fact is counted once, by the service
 * that owns it. Declare one as a bean; see {@link BusinessMetrics}.
 *
 * @param name counter name (Prometheus adds {@code _total})
 * @param tags the tags of one event, from its payload: never personal data (a city id, a cohort id, not a member
 *             id or a name), and few values, since each combination is a time series
 */
public record BusinessCounter<T>(EventType<T> type, String name, String description, Function<T, Tags> tags) {
}
