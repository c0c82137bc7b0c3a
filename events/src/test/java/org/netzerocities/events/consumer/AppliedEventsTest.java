package org.netzerocities.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.support.InMemoryMongo;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** The effect and the event id in one single-document update: one effect per event, however it is delivered. */
class AppliedEventsTest {

    private final MongoTemplate mongo = InMemoryMongo.freshDatabase();
    private final ExecutorService consumers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        consumers.shutdownNow();
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        assertThat(increment("counter", "event-1")).isTrue();
        assertThat(increment("counter", "event-1")).isFalse();
        assertThat(increment("counter", "event-2")).isTrue();

        assertThat(count("counter")).isEqualTo(2);
    }

    @Test
    void aRecordDeliveredToTwoConsumersAtOnceHasOneEffect() throws Exception {
        for (int round = 0; round < 50; round++) {
            String document = "doc-" + round;
            String eventId = UUID.randomUUID().toString();
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Boolean>> deliveries = List.of(
                    CompletableFuture.supplyAsync(() -> afterBarrier(together, document, eventId), consumers),
                    CompletableFuture.supplyAsync(() -> afterBarrier(together, document, eventId), consumers));

            long applied = deliveries.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();

            assertThat(applied).as("round %d", round).isEqualTo(1);
            assertThat(count(document)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void aDocumentRemembersOnlyItsLatestEvents() {
        for (int i = 0; i < AppliedEvents.REMEMBERED + 10; i++) {
            increment("busy", "event-" + i);
        }

        Document busy = mongo.findById("busy", Document.class, "things");
        assertThat(busy.getList(AppliedEvents.FIELD, String.class)).hasSize(AppliedEvents.REMEMBERED)
                .endsWith("event-" + (AppliedEvents.REMEMBERED + 9));
    }

    private boolean afterBarrier(CyclicBarrier together, String document, String eventId) {
        try {
            together.await();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return increment(document, eventId);
    }

    private boolean increment(String id, String eventId) {
        return AppliedEvents.applyOnce(mongo, "things", id, eventId, new Update().inc("count", 1), true);
    }

    private int count(String id) {
        return mongo.findById(id, Document.class, "things").getInteger("count");
    }
}
