package org.netzerocities.support.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private static final Instant START = Instant.parse("2026-11-29T06:00:00Z");

    private final String job = "job-" + UUID.randomUUID();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void whileOneInstanceHoldsTheLeaseTheOtherDoesNotRunTheTask() throws Exception {
        assertThat(instance("a", Duration.ZERO).tryRun(job, HOLD, runs::incrementAndGet)).isTrue();

        assertThat(instance("b", HOLD.minusSeconds(1)).tryRun(job, HOLD, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void anExpiredLeaseGoesToTheNextInstanceThatAsksAndTheFormerHolderThenWaits() throws Exception {
        instance("a", Duration.ZERO).tryRun(job, HOLD, runs::incrementAndGet);

        assertThat(instance("b", HOLD).tryRun(job, HOLD, runs::incrementAndGet)).isTrue();
        assertThat(instance("a", HOLD).tryRun(job, HOLD, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void theHolderRunsAgainAndExtendsItsLease() throws Exception {
        instance("a", Duration.ZERO).tryRun(job, HOLD, runs::incrementAndGet);
        assertThat(instance("a", HOLD.minusSeconds(1)).tryRun(job, HOLD, runs::incrementAndGet)).isTrue();

        assertThat(instance("b", HOLD.plusSeconds(1)).tryRun(job, HOLD, runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void leasesOfDifferentJobsAreIndependent() throws Exception {
        instance("a", Duration.ZERO).tryRun(job, HOLD, runs::incrementAndGet);

        assertThat(instance("b", Duration.ZERO).tryRun(job + "-other", HOLD, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void ofManyInstancesRacingForAFreeLeaseExactlyOneGetsIt() throws Exception {
        int instances = 8;
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            ClusterLease instance = instance("racer-" + i, Duration.ZERO);
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

    /** Instance {@code id} at {@code elapsed} after the start: the instances' clocks agree, as synchronised ones do. */
    private static ClusterLease instance(String id, Duration elapsed) {
        return new ClusterLease(mongo, Clock.fixed(START.plus(elapsed), ZoneOffset.UTC), "instance-" + id);
    }
}
