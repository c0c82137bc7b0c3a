package org.netzerocities.notification.inbox;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the writer may hand what it stored straight to this instance's open streams, a broker round trip before
 * the live topic brings it back. Only when this instance's live consumer has read everything that was on the live
 * topic when the writer last took over partitions: until then, a notification of one of those members written
 * earlier by another instance could still be on its way, and a stream that received the newer one first would
 * skip it as already sent. While the gate is shut, the live topic alone delivers, as it always does; the copy it
 * brings of a notification pushed locally is skipped by its sequence number.
 */
@Component
public class LocalPushGate {

    private static final Logger log = LoggerFactory.getLogger(LocalPushGate.class);

    /** The live topic's end offsets the live consumer must reach; empty when it has. */
    private final Map<TopicPartition, Long> awaited = new HashMap<>();
    private boolean shut = true;

    /** The writer took over partitions: shut until the live consumer has read up to these offsets. */
    public synchronized void shutUntil(Map<TopicPartition, Long> liveEndOffsets) {
        liveEndOffsets.forEach((partition, end) -> awaited.merge(partition, end, Math::max));
        shut = true;
        log.info("Local pushes wait for the live consumer to reach {}", liveEndOffsets);
    }

    /** The live consumer's positions after a poll it has handled. */
    public synchronized void liveConsumerAt(Map<TopicPartition, Long> positions) {
        positions.forEach((partition, position) -> awaited.computeIfPresent(partition,
                (p, end) -> position >= end ? null : end));
        if (shut && awaited.isEmpty()) {
            shut = false;
            log.info("Local pushes open: the live consumer has caught up");
        }
    }

    public synchronized boolean open() {
        return !shut;
    }
}
