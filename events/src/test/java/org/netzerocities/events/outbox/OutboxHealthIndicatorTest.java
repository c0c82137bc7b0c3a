package org.netzerocities.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.support.InMemoryMongo;
import org.netzerocities.events.support.ScriptedProducer;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The outbox is unhealthy once an event has waited too long, whatever the reason. */
class OutboxHealthIndicatorTest {

    private final MongoTemplate mongo = InMemoryMongo.freshDatabase();
    private final ScriptedProducer producer = new ScriptedProducer();
    private final OutboxRelay relay;

    OutboxHealthIndicatorTest() {
        var settings = new EventBackboneProperties.Outbox();
        settings.setCollections(List.of("things"));
        relay = new OutboxRelay(mongo, producer.template(), new EventCodec(), settings, Clock.systemUTC());
    }

    @Test
    void downWhenTheOldestPendingEventIsOlderThanAllowedUpOtherwise() {
        var health = new OutboxHealthIndicator(relay, Duration.ofMinutes(5));
        producer.brokerDown = true;
        store("recent", Instant.now().minusSeconds(10));
        relay.relayPending();
        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

        store("stuck", Instant.now().minus(Duration.ofMinutes(6)));
        relay.relayPending();
        var down = health.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("backlog", 2L);
    }

    private void store(String id, Instant time) {
        PendingEvent event = new PendingEvent("e-" + id, "org.netzerocities.test.thing.changed.v1", "nzc.test.v1", id,
                "/test", time, "{}");
        mongo.insert(new Document("_id", id).append("outbox", List.of(mongo.getConverter().convertToMongoType(event))),
                "things");
    }
}
