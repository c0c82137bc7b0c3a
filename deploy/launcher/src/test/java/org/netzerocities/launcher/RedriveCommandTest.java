package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code redrive} against the launcher's own Kafka broker, with dead letters as Spring Kafka writes them. */
class RedriveCommandTest {

    @TempDir
    static Path dataDir;

    private static LocalStack kafka;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startKafka() {
        kafka = new LocalStack(StackOptions.builder().dataDir(dataDir).freePorts().infraOnly()
                .externalMongo("mongodb://localhost:1").build()).start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void deadLettersGoBackToTheirTopicWithTheirHeadersButNotTheDeadLetterOnes() throws Exception {
        String topic = "nzc.test." + UUID.randomUUID() + ".v1";
        deadLetter(topic, "member-1", "{\"n\":1}", topic);
        deadLetter(topic, "member-2", "{\"n\":2}", null);

        assertThat(redrive("--topic", topic)).isZero();
        assertThat(out.toString()).contains(topic + ".DLT: moved 2 record(s) to " + topic);

        List<ConsumerRecord<String, String>> redriven = readAll(topic, 2);
        assertThat(redriven).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("member-1", "member-2");
        assertThat(redriven).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
        for (ConsumerRecord<String, String> record : redriven) {
            assertThat(headerKeys(record)).containsExactly("ce_id", "ce_type", "content-type");
            assertThat(header(record, "ce_id")).isEqualTo("id-" + record.key());
        }

        assertThat(redrive("--topic", topic)).isZero();
        assertThat(out.toString()).as("the second redrive").contains(topic + ".DLT: nothing to move");
        assertThat(readAll(topic, 2)).as("still only the two").hasSize(2);
    }

    @Test
    void listShowsHowManyWaitAndDryRunAndMaxMoveNoMoreThanAsked() throws Exception {
        String topic = "nzc.test." + UUID.randomUUID() + ".v1";
        for (int i = 0; i < 3; i++) {
            deadLetter(topic, "member-" + i, "{}", topic);
        }

        assertThat(redrive("--list")).isZero();
        assertThat(depthListed(topic)).isEqualTo(3);

        assertThat(redrive("--topic", topic, "--dry-run")).isZero();
        assertThat(out.toString()).contains(topic + ".DLT: would move 3 record(s) to " + topic);
        assertThat(redrive("--list")).isZero();
        assertThat(depthListed(topic)).as("a dry run commits nothing").isEqualTo(3);

        assertThat(redrive("--topic", topic, "--max", "1")).isZero();
        assertThat(out.toString()).contains(topic + ".DLT: moved 1 record(s) to " + topic);
        assertThat(redrive("--list")).isZero();
        assertThat(depthListed(topic)).isEqualTo(2);
        assertThat(readAll(topic, 1)).hasSize(1);
    }

    @Test
    void aMaxBelowOneIsRejectedWithTheUsage() {
        assertThat(redrive("--topic", "x", "--max", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--max must be at least 1", "Usage: run-local.sh redrive");
    }

    private int redrive(String... args) {
        out.getBuffer().setLength(0);
        List<String> command = new ArrayList<>(List.of("redrive", "--bootstrap-servers=" + kafka.kafkaBootstrapServers()));
        command.addAll(List.of(args));
        return LauncherCommand.commandLine(Map.of())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(command.toArray(String[]::new));
    }

    private long depthListed(String topic) {
        return out.toString().lines().filter(line -> line.startsWith(topic + ".DLT "))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(topic + ".DLT not listed in:\n" + out));
    }

    /** A record as Spring Kafka's DeadLetterPublishingRecoverer leaves it; no original-topic header if null. */
    private static void deadLetter(String topic, String key, String value, String originalTopic) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", ("id-" + key).getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "org.netzerocities.community.member.joined.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        if (originalTopic != null) {
            headers.add(DeadLetterRedrive.ORIGINAL_TOPIC_HEADER, originalTopic.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("kafka_dlt-original-offset", new byte[8]);
        headers.add("kafka_dlt-exception-message", "boom".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic + ".DLT", null, key, value, headers)).get();
        }
    }

    /** Everything on the topic, reading on for a moment after {@code expected} records to see any extra one. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return records;
    }

    private static List<String> headerKeys(ConsumerRecord<String, String> record) {
        List<String> keys = new ArrayList<>();
        for (Header header : record.headers()) {
            keys.add(header.key());
        }
        return keys;
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
