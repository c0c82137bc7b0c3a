package org.netzerocities.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.support.EmbeddedBroker;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What waits in a dead-letter topic: everything the re-drive tool has not moved back yet. */
class DeadLetterDepthTest {

    @Test
    void depthCountsRecordsNotYetRedrivenAndIsAGaugePerTopic() throws Exception {
        String topic = "nzc.test.depth-" + UUID.randomUUID() + ".v1";
        String deadLetters = topic + ".DLT";
        try (Admin admin = Admin.create(EmbeddedBroker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(deadLetters, 1, (short) 1))).all().get();
            var kafka = EmbeddedBroker.template();
            for (int i = 0; i < 3; i++) {
                kafka.send(new ProducerRecord<>(deadLetters, "key-" + i, "poison")).get();
            }
            var meters = new SimpleMeterRegistry();
            var depth = new DeadLetterDepth(EmbeddedBroker.adminConfig(), List.of(topic), meters);

            depth.refresh();
            assertThat(depth.depth(deadLetters)).isEqualTo(3);
            assertThat(meters.get("nzc.events.dead.letters").tag("topic", deadLetters).gauge().value()).isEqualTo(3);

            admin.alterConsumerGroupOffsets(DeadLetterDepth.REDRIVE_GROUP,
                    Map.of(new TopicPartition(deadLetters, 0), new OffsetAndMetadata(2))).all().get();
            depth.refresh();
            assertThat(depth.depth(deadLetters)).isEqualTo(1);
        }
    }
}
