package org.netzerocities.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LocalPushGateTest {

    private static final TopicPartition LIVE_0 = new TopicPartition("live", 0);
    private static final TopicPartition LIVE_1 = new TopicPartition("live", 1);

    private final LocalPushGate gate = new LocalPushGate();

    @Test
    void shutUntilTheLiveConsumerHasReadOnce() {
        assertThat(gate.open()).isFalse();
        gate.liveConsumerAt(Map.of(LIVE_0, 3L));
        assertThat(gate.open()).isTrue();
    }

    @Test
    void aTakeOverShutsItUntilEveryLivePartitionIsReadUpToItsEndOfThatMoment() {
        gate.liveConsumerAt(Map.of(LIVE_0, 3L, LIVE_1, 5L));

        gate.shutUntil(Map.of(LIVE_0, 10L, LIVE_1, 7L));
        assertThat(gate.open()).isFalse();
        gate.liveConsumerAt(Map.of(LIVE_0, 10L, LIVE_1, 6L));
        assertThat(gate.open()).as("partition 1 still behind").isFalse();
        gate.liveConsumerAt(Map.of(LIVE_0, 10L, LIVE_1, 7L));
        assertThat(gate.open()).isTrue();
    }

    @Test
    void twoTakeOversWaitForTheLaterEnd() {
        gate.shutUntil(Map.of(LIVE_0, 10L));
        gate.shutUntil(Map.of(LIVE_0, 4L));
        gate.liveConsumerAt(Map.of(LIVE_0, 9L));
        assertThat(gate.open()).isFalse();
        gate.liveConsumerAt(Map.of(LIVE_0, 10L));
        assertThat(gate.open()).isTrue();
    }
}
