package org.netzerocities.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.support.InMemoryMongo;
import org.netzerocities.events.support.ScriptedProducer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The relay's rules, on a real MongoDB-wire server with a producer whose broker the test controls. */
class OutboxRelayTest {

    private static final String THINGS = "things";
    private static final String TOPIC = "nzc.test.things.v1";
    private static final String TYPE = "org.netzerocities.test.thing.changed.v1";

    private final EventCodec codec = new EventCodec();
    private final EventBackboneProperties.Outbox settings = new EventBackboneProperties.Outbox();
    private MongoTemplate mongo;
    private ScriptedProducer producer;
    private OutboxRelay relay;
    private int sequence;

    @BeforeEach
    void setUp() {
        mongo = InMemoryMongo.freshDatabase();
        producer = new ScriptedProducer();
        settings.setCollections(List.of(THINGS));
        settings.setMaxAttempts(3);
        settings.setMajorityReads(true);
        relay = new OutboxRelay(mongo, producer.template(), codec, settings, Clock.systemUTC());
    }

    @Test
    void sendsEachAggregatesEventsInOrderAndRemovesThem() {
        save(new Thing("a", event("a"), event("a"), event("a")));
        save(new Thing("b", event("b")));

        assertThat(relay.relayPending()).isEqualTo(4);

        assertThat(sentValues("a")).containsExactly("a-1", "a-2", "a-3");
        assertThat(sentValues("b")).containsExactly("b-4");
        assertThat(outbox("a")).isEmpty();
        assertThat(outbox("b")).isEmpty();
        assertThat(relay.relayPending()).isZero();
    }

    @Test
    void malformedEntryIsParkedAndDoesNotStopTheValidEventBehindIt() {
        save(new Thing("a", event("a")));
        mongo.updateFirst(Query.query(Criteria.where("_id").is("a")),
                new org.springframework.data.mongodb.core.query.Update().push("outbox")
                        .atPosition(0).value(new Document("eventId", "broken").append("data", "no topic, no type")),
                THINGS);
        save(new Thing("b", event("b")));

        relay.relayPending();
        relay.relayPending();

        assertThat(sentValues("a")).containsExactly("a-1");
        assertThat(sentValues("b")).containsExactly("b-2");
        assertThat(outbox("a")).isEmpty();
        assertThat(relay.parked(10)).singleElement()
                .satisfies(parked -> assertThat(parked.getString("_id")).isEqualTo("broken"))
                .satisfies(parked -> assertThat(parked.getString("reason")).contains("lacks eventId, topic"));
        assertThat(relay.parkedCount()).isEqualTo(1);
    }

    @Test
    void recordTheBrokerRefusesForGoodIsParkedAtOnceAndTheAggregateMovesOn() {
        save(new Thing("a", event("a"), event("a")));
        producer.refuse = record -> record.value().equals("a-1");
        producer.refusal = new RecordTooLargeException("too large");

        relay.relayPending();
        relay.relayPending();

        assertThat(sentValues("a")).containsExactly("a-2");
        assertThat(relay.parked(10)).singleElement()
                .satisfies(parked -> assertThat(parked.getString("reason")).contains("RecordTooLargeException"));
    }

    @Test
    void whileTheBrokerIsAwayNothingIsParkedAndEventsWaitWithTheirAttemptsAndLastError() {
        save(new Thing("a", event("a"), event("a")));
        producer.brokerDown = true;

        for (int round = 0; round < 5; round++) {
            relay.relayPending();
        }

        assertThat(relay.parkedCount()).isZero();
        List<Document> waiting = outbox("a");
        assertThat(waiting).hasSize(2);
        assertThat(waiting.get(0).getInteger("attempts")).isEqualTo(5);
        assertThat(waiting.get(0).getString("lastError")).contains("broker unreachable");
        assertThat(relay.backlog()).isEqualTo(2);

        producer.brokerDown = false;
        relay.relayPending();
        assertThat(sentValues("a")).containsExactly("a-1", "a-2");
    }

    @Test
    void anAggregateThatKeepsFailingWhileOthersGoThroughIsParkedAfterMaxAttempts() {
        producer.refuse = record -> record.value().startsWith("a-");
        producer.refusal = new NotEnoughReplicasException("not enough in-sync replicas");
        save(new Thing("a", event("a"), event("a")));
        for (int round = 0; round < settings.getMaxAttempts(); round++) {
            save(new Thing("other-" + round, event("other")));
            relay.relayPending();
        }

        assertThat(relay.parked(10)).extracting(parked -> parked.get("entry", Document.class).getString("data"))
                .containsExactly("a-1");
        assertThat(outbox("a")).extracting(entry -> entry.getString("data")).containsExactly("a-2");
    }

    @Test
    void aTopicWithoutMetadataIsNotTriedAgainInTheSameRoundAndCountsNoAttemptsForTheOthers() {
        producer.brokerDown = true;
        save(new Thing("a", event("a")));
        save(new Thing("b", event("b")));

        relay.relayPending();

        assertThat(producer.sendAttempts).isEqualTo(1);
        assertThat(outbox("a").get(0).get("attempts", 0) + outbox("b").get(0).get("attempts", 0)).isEqualTo(1);
    }

    @Test
    void staleWholeDocumentSaveCannotBringBackEventsTheRelayRemoved() {
        save(new Thing("a", event("a")));
        Thing stale = mongo.findById("a", Thing.class, THINGS);

        relay.relayPending();

        assertThat(stale.outbox).hasSize(1);
        assertThatThrownBy(() -> mongo.save(stale, THINGS)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(outbox("a")).isEmpty();
    }

    @Test
    void entriesStoredBeforeTraceAndAttemptsExistedAreStillRelayed() {
        // the shape today's main stored: no traceparent, attempts or lastError, and no version field
        Document legacy = new Document("eventId", "legacy-1").append("type", TYPE).append("topic", TOPIC)
                .append("key", "old").append("source", "/community-service")
                .append("time", Date.from(Instant.parse("2026-11-01T10:00:00Z"))).append("data", "old-1");
        mongo.insert(new Document("_id", "old").append("outbox", List.of(legacy)), THINGS);

        assertThat(relay.relayPending()).isEqualTo(1);

        assertThat(sentValues("old")).containsExactly("old-1");
        assertThat(outbox("old")).isEmpty();
    }

    @Test
    void theRequestsTraceTravelsAsTheCloudEventsTraceparentExtension() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        save(new Thing("a", new PendingEvent("e-trace", TYPE, TOPIC, "a", "/test", Instant.now(), "a-1", traceparent,
                0, null)));

        relay.relayPending();

        ProducerRecord<String, String> sent = producer.history().get(0);
        assertThat(new String(sent.headers().lastHeader("ce_traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);
    }

    @Test
    void backlogAndOldestAgeCountEventsThatCannotLeave() {
        producer.brokerDown = true;
        Instant old = Instant.now().minus(Duration.ofMinutes(7));
        save(new Thing("a", new PendingEvent("e-old", TYPE, TOPIC, "a", "/test", old, "a-1")));
        save(new Thing("b", event("b")));

        relay.relayPending();

        assertThat(relay.backlog()).isEqualTo(2);
        assertThat(relay.oldestPendingAge()).isGreaterThan(Duration.ofMinutes(6));
    }

    @Test
    void aParkedEventIsRedrivenOnceItCanBeSent() {
        save(new Thing("a", event("a")));
        producer.refuse = record -> true;
        producer.refusal = new RecordTooLargeException("too large");
        relay.relayPending();
        String parkedId = relay.parked(1).get(0).getString("_id");

        assertThatThrownBy(() -> relay.redriveParked(parkedId)).isInstanceOf(IllegalStateException.class);
        assertThat(new OutboxEndpoint(relay).redrive(parkedId).getStatus()).as("still failing").isEqualTo(503);
        producer.refuse = record -> false;
        assertThat(relay.redriveParked(parkedId)).isTrue();

        assertThat(sentValues("a")).containsExactly("a-1");
        assertThat(relay.parked(10)).isEmpty();
        assertThat(relay.redriveParked(parkedId)).isFalse();
        assertThat(new OutboxEndpoint(relay).redrive(parkedId).getStatus()).as("gone").isEqualTo(404);
    }

    private Thing save(Thing thing) {
        return mongo.save(thing, THINGS);
    }

    private PendingEvent event(String aggregateId) {
        return new PendingEvent("e-" + aggregateId + "-" + (++sequence), TYPE, TOPIC, aggregateId, "/test",
                Instant.now(), aggregateId + "-" + sequence);
    }

    private List<String> sentValues(String key) {
        return producer.history().stream().filter(r -> key.equals(r.key())).map(ProducerRecord::value).toList();
    }

    private List<Document> outbox(String id) {
        Document thing = mongo.findById(id, Document.class, THINGS);
        return thing.getList("outbox", Document.class, List.of());
    }

    /** A versioned aggregate carrying its outbox, as the services' aggregates do. */
    static class Thing implements OutboxAggregate {

        @Id
        String id;
        @Version
        Long version;
        List<PendingEvent> outbox = new ArrayList<>();

        Thing() {
        }

        Thing(String id, PendingEvent... events) {
            this.id = id;
            this.outbox.addAll(List.of(events));
        }

        @Override
        public List<PendingEvent> outbox() {
            return outbox;
        }
    }
}
