package org.netzerocities.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.support.InMemoryMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A relay round takes the leases of all its aggregates in one write: those another relay holds are left out. */
class OutboxLeasesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private final MongoTemplate mongo = InMemoryMongo.freshDatabase();
    private final OutboxLeases mine = leases("relay-a", NOW);
    private final OutboxLeases theirs = leases("relay-b", NOW);

    private final AggregateRef free = new AggregateRef("posts", "p-1");
    private final AggregateRef heldByThem = new AggregateRef("posts", "p-2");
    private final AggregateRef alreadyMine = new AggregateRef("threads", "t-1");

    @Test
    void takesFreeAndOwnLeasesInOrderAndLeavesOutThoseAnotherRelayHolds() {
        assertThat(theirs.tryAcquire(List.of(heldByThem))).containsExactly(heldByThem);
        assertThat(mine.tryAcquire(List.of(alreadyMine))).containsExactly(alreadyMine);

        assertThat(mine.tryAcquire(List.of(free, heldByThem, alreadyMine))).containsExactly(free, alreadyMine);
        assertThat(theirs.tryAcquire(List.of(free, alreadyMine))).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndAReleasedOneIsFreeAgain() {
        assertThat(theirs.tryAcquire(List.of(heldByThem, free))).hasSize(2);
        OutboxLeases mineLater = leases("relay-a", NOW.plus(Duration.ofMinutes(1)));

        assertThat(mineLater.tryAcquire(List.of(heldByThem))).containsExactly(heldByThem);

        theirs.release(List.of(free, heldByThem));
        assertThat(mine.tryAcquire(List.of(free))).containsExactly(free);
        assertThat(theirs.tryAcquire(List.of(heldByThem))).as("released only its own").isEmpty();
    }

    private OutboxLeases leases(String owner, Instant now) {
        return new OutboxLeases(mongo, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(30), owner);
    }
}
