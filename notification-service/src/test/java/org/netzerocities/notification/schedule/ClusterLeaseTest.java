package org.netzerocities.notification.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.netzerocities.events.Periodic;
import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Two instances on the shared database (the embedded MongoDB-wire server, or a real one): one holder at a time. */
class ClusterLeaseTest {

    private static final MongoClient client = MongoClients.create(SharedInfrastructure.mongoUri());
    private static final MongoTemplate mongo = new MongoTemplate(client, "lease-test");
    private static final Duration HOLD = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T06:00:00Z"));
    private final ClusterLease instanceA = new ClusterLease(mongo, clock, "instance-a");
    private final ClusterLease instanceB = new ClusterLease(mongo, clock, "instance-b");
    private final String job = "job-" + UUID.randomUUID();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void whileOneInstanceHoldsTheLeaseTheOtherDoesNotRunTheTask() throws Exception {
        assertThat(instanceA.tryRun(job, HOLD, runs::incrementAndGet)).isTrue();
        clock.advance(HOLD.minusSeconds(1));

        assertThat(instanceB.tryRun(job, HOLD, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void anExpiredLeaseGoesToTheNextInstanceThatAsksAndTheFormerHolderThenWaits() throws Exception {
        instanceA.tryRun(job, HOLD, runs::incrementAndGet);
        clock.advance(HOLD);

        assertThat(instanceB.tryRun(job, HOLD, runs::incrementAndGet)).isTrue();
        assertThat(instanceA.tryRun(job, HOLD, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void theHolderRunsAgainAndExtendsItsLease() throws Exception {
        instanceA.tryRun(job, HOLD, runs::incrementAndGet);
        clock.advance(HOLD.minusSeconds(1));
        assertThat(instanceA.tryRun(job, HOLD, runs::incrementAndGet)).isTrue();

        clock.advance(Duration.ofSeconds(2));
        assertThat(instanceB.tryRun(job, HOLD, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void leasesOfDifferentJobsAreIndependent() throws Exception {
        instanceA.tryRun(job, HOLD, runs::incrementAndGet);

        assertThat(instanceB.tryRun(job + "-other", HOLD, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void ofManyInstancesRacingForAFreeLeaseExactlyOneGetsIt() throws Exception {
        int instances = 8;
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            ClusterLease instance = new ClusterLease(mongo, clock, "racer-" + i);
            racers.add(() -> instance.tryRun(job, HOLD, runs::incrementAndGet));
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            long winners = 0;
            for (Future<Boolean> outcome : pool.invokeAll(racers)) {
                winners += outcome.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(runs).hasValue(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPeriodicJobRunsFirstOneIntervalAfterStartAndNotWhileAnotherInstanceHoldsTheLease() throws Exception {
        Duration interval = Duration.ofMillis(300);
        Periodic periodic = new ClusterLease(mongo, Clock.systemUTC(), "instance-c").every(job, interval,
                runs::incrementAndGet);
        long started = System.nanoTime();
        periodic.start();
        try {
            await().atMost(Duration.ofSeconds(5)).untilAtomic(runs, greaterThanOrEqualTo(1));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(interval);
            assertThat(new ClusterLease(mongo, Clock.systemUTC(), "instance-d").tryRun(job, interval,
                    runs::incrementAndGet)).isFalse();
        }
        finally {
            periodic.stop();
        }
    }

    /** Time that the test moves; both instances read it, as two machines with synchronised clocks would. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
