package org.netzerocities.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Moves the records of a dead-letter topic ({@code <topic>.DLT}, where the services' error handler puts what they
 * could not process) back to the topic they failed on, once the consumer is fixed. Progress is the committed offset
 * of the consumer group {@value #GROUP}: a record is committed only after its copy is acknowledged by every replica,
 * so a redrive that is cut short moves the rest the next time and at worst delivers a record twice (the consumers
 * ignore events they have processed).
 */
final class DeadLetterRedrive {

    static final String GROUP = "nzc-dlt-redrive";
    static final String DEAD_LETTER_SUFFIX = ".DLT";
    /** What Spring Kafka's DeadLetterPublishingRecoverer adds: the failure and where the record came from. */
    static final String DEAD_LETTER_HEADER_PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC_HEADER = "kafka_dlt-original-topic";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALLED_AFTER = Duration.ofSeconds(30);
    /** How long a call may wait for Kafka: a broker that is not there fails the command in seconds, not a minute. */
    private static final int API_TIMEOUT_MS = 15_000;
    private static final int REQUEST_TIMEOUT_MS = 10_000;

    private final String bootstrapServers;

    DeadLetterRedrive(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Moves up to {@code max} records of {@code <topic>.DLT}, from the group's committed offset (the start when it has
     * none) to the end it had when the redrive began, so that a record failing again is not moved twice in one run.
     *
     * @param dryRun count what would move; produce and commit nothing
     * @return how many records went (or would go) to each topic
     */
    Map<String, Integer> redrive(String topic, int max, boolean dryRun) throws InterruptedException {
        String deadLetterTopic = deadLetterTopic(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return Map.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);

            Map<String, Integer> moved = new TreeMap<>();
            Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            int count = 0;
            Instant lastProgress = Instant.now();
            while (count < max && !unread(consumer, ends).isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (count == max || record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    String target = originalTopic(record);
                    if (!dryRun) {
                        sends.add(producer.send(new ProducerRecord<>(target, null, record.key(), record.value(),
                                withoutDeadLetterHeaders(record))));
                    }
                    moved.merge(target, 1, Integer::sum);
                    progress.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    count++;
                    lastProgress = Instant.now();
                }
                if (Duration.between(lastProgress, Instant.now()).compareTo(STALLED_AFTER) > 0) {
                    throw new LocalStackException("redrive: nothing read from " + deadLetterTopic + " for "
                            + STALLED_AFTER.toSeconds() + " s, though " + unread(consumer, ends) + " are not at their end");
                }
            }
            if (!dryRun && !progress.isEmpty()) {
                awaitAcknowledged(sends);
                consumer.commitSync(progress);
            }
            return moved;
        }
    }

    /** Records not yet redriven per dead-letter topic: end offset minus the group's committed offset (or start). */
    Map<String, Long> depths() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS))) {
            Set<String> topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.endsWith(DEAD_LETTER_SUFFIX)).collect(Collectors.toSet());
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            List<TopicPartition> partitions = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            var starts = admin.listOffsets(spec(partitions, OffsetSpec.earliest())).all().get();
            var ends = admin.listOffsets(spec(partitions, OffsetSpec.latest())).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();

            Map<String, Long> depths = new TreeMap<>();
            topics.forEach(topic -> depths.put(topic, 0L));
            for (TopicPartition partition : partitions) {
                long start = starts.get(partition).offset();
                OffsetAndMetadata done = committed.get(partition);
                long from = done == null ? start : Math.max(start, done.offset());
                depths.merge(partition.topic(), ends.get(partition).offset() - from, Long::sum);
            }
            return depths;
        } catch (ExecutionException e) {
            throw new LocalStackException("redrive: cannot read the dead-letter topics from " + bootstrapServers
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    static String deadLetterTopic(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX) ? topic : topic + DEAD_LETTER_SUFFIX;
    }

    private static String originalTopic(ConsumerRecord<byte[], byte[]> record) {
        Header original = record.headers().lastHeader(ORIGINAL_TOPIC_HEADER);
        if (original != null && original.value() != null && original.value().length > 0) {
            return new String(original.value(), StandardCharsets.UTF_8);
        }
        String name = record.topic();
        return name.substring(0, name.length() - DEAD_LETTER_SUFFIX.length());
    }

    private static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static Set<TopicPartition> unread(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().filter(end -> consumer.position(end.getKey()) < end.getValue())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static void awaitAcknowledged(List<Future<RecordMetadata>> sends) throws InterruptedException {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new LocalStackException("redrive: a record was not accepted, nothing committed (run it again): "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private static Map<TopicPartition, OffsetSpec> spec(List<TopicPartition> partitions, OffsetSpec spec) {
        return partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, API_TIMEOUT_MS,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }
}
