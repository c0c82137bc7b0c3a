package org.netzerocities.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.support.EmbeddedBroker;
import org.netzerocities.events.support.InMemoryMongo;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Two instances of a service relay one outbox collection at once, each woken by the writes it made:
 * every event reaches the broker once, and each aggregate's events in the order they were written.
 */
class TwoRelaysTest {

    private static final String TOPIC = "nzc.test.two-relays.v1";
    private static final int AGGREGATES = 20;
    private static final int EVENTS = 600;

    private final MongoTemplate mongo = InMemoryMongo.freshDatabase();
    private final EventCodec codec = new EventCodec();
    private OutboxRelay first;
    private OutboxRelay second;

    @AfterEach
    void stop() {
        first.stop();
        second.stop();
    }

    @Test
    void twoRelaysOverOneCollectionSendEachEventOnceAndInOrder() throws Exception {
        try (Admin admin = Admin.create(EmbeddedBroker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        first = relay();
        second = relay();
        for (int i = 0; i < AGGREGATES; i++) {
            mongo.insert(new Document("_id", "agg-" + i).append("version", 0L), "things");
        }
        first.start();
        second.start();

        for (int n = 0; n < EVENTS; n++) {
            String aggregate = "agg-" + ThreadLocalRandom.current().nextInt(AGGREGATES);
            PendingEvent event = new PendingEvent("e-" + n, "org.netzerocities.test.thing.changed.v1", TOPIC,
                    aggregate, "/test", Instant.now(), Integer.toString(n));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregate)),
                    new Update().push("outbox", mongo.getConverter().convertToMongoType(event)), "things");
            (n % 2 == 0 ? first : second).wake("things", aggregate);
        }

        List<ConsumerRecord<String, String>> received = EmbeddedBroker.readAll(TOPIC, EVENTS, Duration.ofSeconds(60));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> EmbeddedBroker.readAll(TOPIC, EVENTS + 1, Duration.ofSeconds(1)).size() == EVENTS);

        Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(
                record -> header(record, "ce_id"), LinkedHashMap::new, Collectors.counting()));
        assertThat(copies).hasSize(EVENTS).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        Map<String, List<Integer>> perAggregate = received.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(record -> Integer.parseInt(record.value()),
                        Collectors.toList())));
        perAggregate.forEach((aggregate, sequence) -> assertThat(sequence).as(aggregate).isSorted());
        assertThat(mongo.find(Query.query(Criteria.where("outbox.0").exists(true)), Document.class, "things"))
                .isEmpty();
    }

    private OutboxRelay relay() {
        var settings = new EventBackboneProperties.Outbox();
        settings.setCollections(List.of("things"));
        settings.setBatchSize(50);
        return new OutboxRelay(mongo, EmbeddedBroker.template(), codec, settings, Clock.systemUTC());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
