package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerPersistenceTest {

    private static final String TOPIC = "nzc.launcher.test.v1";

    @TempDir
    Path dataDir;

    @Test
    void brokerKeepsRecordsAcrossARestartWithoutReformatting() throws Exception {
        StackOptions options = StackOptions.builder().dataDir(dataDir).freePorts().infraOnly().build();
        try (LocalStack stack = new LocalStack(options).start()) {
            assertThat(stack.startupTimes()).containsKeys("kafka-format", "kafka");
            Path meta = dataDir.resolve("kafka/logs/meta.properties");
            String metaBefore = Files.readString(meta);

            produce(stack.kafkaBootstrapServers(), "member-1", "{\"joined\":true}");
            assertThat(consumeAll(stack.kafkaBootstrapServers(), "group-before")).containsExactly("{\"joined\":true}");
            assertThat(partitions(stack.kafkaBootstrapServers(), TOPIC))
                    .as("a topic created on first use has as many partitions as the services create theirs with")
                    .isEqualTo(StackOptions.DEFAULT_KAFKA_PARTITIONS);

            stack.stopKafka();
            assertThat(stack.isRunning("kafka")).isFalse();
            stack.startKafka();

            assertThat(Files.readString(meta)).as("same cluster: the log dir was not formatted again")
                    .isEqualTo(metaBefore);
            assertThat(consumeAll(stack.kafkaBootstrapServers(), "group-after")).containsExactly("{\"joined\":true}");
        }
        assertThat(Files.readString(dataDir.resolve("kafka/server.properties")))
                .contains("process.roles=broker,controller", "node.id=1",
                        "controller.listener.names=CONTROLLER", "offsets.topic.replication.factor=1",
                        "group.initial.rebalance.delay.ms=0", "num.partitions=3", "log.dirs=" + dataDir.resolve("kafka/logs"));
        assertThat(dataDir.resolve("logs/kafka.log")).isNotEmptyFile();
        assertThat(dataDir.resolve("run/kafka.pid")).doesNotExist();
    }

    @Test
    void thePartitionsOfTopicsCreatedOnFirstUseAreConfigurable() {
        KafkaBroker broker = new KafkaBroker(dataDir.resolve("kafka"), dataDir.resolve("kafka.log"), dataDir, 1, 2, 6,
                "java", "unused", List.of(), line -> { });

        assertThat(broker.serverProperties()).contains("num.partitions=6");
    }

    private static int partitions(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static List<String> consumeAll(String bootstrap, String group) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
        }
        return values;
    }
}
