package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The broker goes away while an aggregate keeps writing: 1,000 events wait in the outbox, none is parked,
 * and once the broker is back every one of them arrives, once and in its aggregate's order. A real Kafka
 * broker process (stopped and started again on the same port and data) and the embedded MongoDB-wire
 * server, with the relay the services use.
 */
class OutboxBrokerOutageIT {

    private static final String TOPIC = "nzc.test.outage.v1";
    private static final int EVENTS = 1_000;
    private static final int AGGREGATES = 50;

    @TempDir
    Path dataDir;

    @Test
    void eventsWrittenWhileTheBrokerIsDownAllArriveOnceAndInOrderWhenItReturns() throws Exception {
        StackOptions options = StackOptions.builder().dataDir(dataDir).freePorts().infraOnly().build();
        try (LocalStack stack = new LocalStack(options).start();
                MongoClient client = MongoClients.create(stack.mongoUri())) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
            MongoTemplate mongo = new MongoTemplate(client, "outage");
            OutboxRelay relay = relay(mongo, stack.kafkaBootstrapServers());
            relay.start();
            try {
                stack.stopKafka();
                for (int n = 0; n < EVENTS; n++) {
                    String aggregate = "thing-" + (n % AGGREGATES);
                    PendingEvent event = new PendingEvent(UUID.randomUUID().toString(),
                            "org.netzerocities.test.thing.changed.v1", TOPIC, aggregate, "/test", Instant.now(),
                            Integer.toString(n));
                    mongo.upsert(Query.query(Criteria.where("_id").is(aggregate)),
                            new Update().push("outbox", mongo.getConverter().convertToMongoType(event)), "things");
                    relay.wake("things", aggregate);
                }
                // the backlog is counted at the relay's polls, which its failing sends (2 s each) delay: on a busy
                // machine that took over 30 s
                await().atMost(Duration.ofSeconds(90)).until(() -> relay.backlog() == EVENTS);
                assertThat(relay.parkedCount()).isZero();

                stack.startKafka();

                List<ConsumerRecord<String, String>> received = readAll(stack.kafkaBootstrapServers(), EVENTS + 1,
                        Duration.ofSeconds(60));
                Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(
                        record -> new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                        Collectors.counting()));
                assertThat(copies).hasSize(EVENTS).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
                received.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(record -> Integer.parseInt(record.value()), Collectors.toList())))
                        .forEach((aggregate, order) -> assertThat(order).as(aggregate).isSorted());
                assertThat(relay.parkedCount()).isZero();
            }
            finally {
                relay.stop();
            }
        }
    }

    private static OutboxRelay relay(MongoTemplate mongo, String bootstrapServers) {
        var settings = new EventBackboneProperties.Outbox();
        settings.setCollections(List.of("things"));
        settings.setPollInterval(Duration.ofSeconds(2));
        settings.setSendTimeout(Duration.ofSeconds(6));
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000)));
        return new OutboxRelay(mongo, kafka, new EventCodec(), settings, Clock.systemUTC());
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, int atMost, Duration quiet) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + quiet.toNanos();
            while (records.size() < atMost && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                if (records.size() >= EVENTS) {
                    // everything is here: a few more seconds show whether anything came twice
                    deadline = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(3).toNanos());
                }
            }
        }
        return records;
    }
}
