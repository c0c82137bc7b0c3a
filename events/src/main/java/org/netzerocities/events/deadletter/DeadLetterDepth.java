package org.netzerocities.events.deadletter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.netzerocities.events.contract.EventCatalog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code nzc_events_dead_letters{topic}}: records waiting in each dead-letter topic of the topics this
 * service consumes, i.e. not yet moved back by the re-drive tool (consumer group {@value #REDRIVE_GROUP}).
 */
public class DeadLetterDepth {

    /** The consumer group of the re-drive tool; what it has committed is no longer waiting. */
    public static final String REDRIVE_GROUP = "nzc-dlt-redrive";

    private final Map<String, Object> adminConfig;
    private final List<String> deadLetterTopics;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    public DeadLetterDepth(Map<String, Object> adminConfig, Collection<String> consumedTopics,
            MeterRegistry meters) {
        this.adminConfig = adminConfig;
        this.deadLetterTopics = consumedTopics.stream().filter(t -> !EventCatalog.isInternal(t))
                .map(t -> t + EventCatalog.DEAD_LETTER_SUFFIX).sorted().toList();
        deadLetterTopics.forEach(topic -> Gauge.builder("nzc.events.dead.letters",
                depths.computeIfAbsent(topic, t -> new AtomicLong()), AtomicLong::get)
                .description("Records in a dead-letter topic not yet re-driven")
                .tag("topic", topic).register(meters));
    }

    public boolean watchesAnything() {
        return !deadLetterTopics.isEmpty();
    }

    /** Reads the depths now. */
    public void refresh() throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            var described = admin.describeTopics(deadLetterTopics).allTopicNames().get(10, TimeUnit.SECONDS);
            List<TopicPartition> partitions = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> redriven = admin.listConsumerGroupOffsets(REDRIVE_GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<String, Long> byTopic = partitions.stream().collect(Collectors.groupingBy(TopicPartition::topic,
                    Collectors.summingLong(p -> {
                        OffsetAndMetadata committed = redriven.get(p);
                        long from = Math.max(starts.get(p).offset(), committed == null ? 0 : committed.offset());
                        return Math.max(0, ends.get(p).offset() - from);
                    })));
            byTopic.forEach((topic, depth) -> depths.get(topic).set(depth));
        }
    }

    public long depth(String deadLetterTopic) {
        AtomicLong depth = depths.get(deadLetterTopic);
        return depth == null ? 0 : depth.get();
    }
}
