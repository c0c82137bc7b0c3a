package org.netzerocities.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.events.support.InMemoryMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Marks of handled events expire, also where the server never expires a TTL index. */
class ProcessedEventsTest {

    private final MongoTemplate mongo = InMemoryMongo.freshDatabase();
    private final Instant now = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void marksAreKeyedBySourceAndIdAndPurgedOnceExpired() {
        ProcessedEvents yesterday = at(now.minus(Duration.ofDays(15)));
        yesterday.markProcessed(event("/community-service", "e-1"));
        ProcessedEvents today = at(now);
        today.markProcessed(event("/community-service", "e-2"));

        assertThat(today.contains(event("/community-service", "e-1"))).isTrue();
        assertThat(today.contains(event("/learning-service", "e-1"))).isFalse();

        assertThat(today.purgeExpired()).isEqualTo(1);
        assertThat(today.contains(event("/community-service", "e-1"))).isFalse();
        assertThat(today.contains(event("/community-service", "e-2"))).isTrue();
    }

    @Test
    void marksStoredBeforeTheyExpiredArePurgedToo() {
        mongo.insert(new Document("_id", "welcome-notifications/e-0").append("consumer", "welcome-notifications")
                .append("eventId", "e-0").append("processedAt", now), ProcessedEvents.COLLECTION);

        assertThat(at(now).purgeExpired()).isEqualTo(1);
    }

    private ProcessedEvents at(Instant instant) {
        return new ProcessedEvents(mongo, Clock.fixed(instant, ZoneOffset.UTC), Duration.ofDays(14));
    }

    private static IncomingEvent event(String source, String id) {
        return new IncomingEvent(id, "org.netzerocities.test.thing.changed.v1", source, "key", Instant.now(), null,
                "{}", new EventCodec());
    }
}
