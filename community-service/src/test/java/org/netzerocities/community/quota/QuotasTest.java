package org.netzerocities.community.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The quota rule against the real database: times are passed in, so windows open and end where the test says. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@Import(PlatformInfrastructure.class)
class QuotasTest {

    static final QuotaProperties.Limit FIVE_PER_15_MIN = new QuotaProperties.Limit(5, Duration.ofMinutes(15));
    /** Long ago: purging at this time removes no window of the other tests sharing the database. */
    static final Instant T0 = Instant.parse("2020-01-01T08:00:00Z");

    @Autowired
    Quotas quotas;

    @Test
    void theAttemptAfterTheLimitIsRefusedUntilTheWindowThatOpenedAtTheFirstEnds() {
        String key = key();
        for (int i = 0; i < 5; i++) {
            assertThat(quotas.take(key, FIVE_PER_15_MIN, T0.plusSeconds(60L * i))).isEmpty();
        }

        assertThat(quotas.take(key, FIVE_PER_15_MIN, T0.plusSeconds(300))).contains(Duration.ofSeconds(600));
        assertThat(quotas.take(key, FIVE_PER_15_MIN, T0.plusSeconds(899))).contains(Duration.ofSeconds(1));
        assertThat(quotas.take(key, FIVE_PER_15_MIN, T0.plusSeconds(900))).as("a new window").isEmpty();
        assertThat(quotas.take(key, FIVE_PER_15_MIN, T0.plusSeconds(901))).isEmpty();
    }

    @Test
    void keysHaveTheirOwnQuotas() {
        String full = key();
        IntStream.range(0, 5).forEach(i -> quotas.take(full, FIVE_PER_15_MIN, T0));

        assertThat(quotas.take(full, FIVE_PER_15_MIN, T0)).isPresent();
        assertThat(quotas.take(key(), FIVE_PER_15_MIN, T0)).isEmpty();
    }

    @Test
    void anAttemptGivenBackCanBeTakenAgainAndAClearedKeyStartsAfresh() {
        String key = key();
        IntStream.range(0, 5).forEach(i -> quotas.take(key, FIVE_PER_15_MIN, T0));

        quotas.giveBack(key);
        assertThat(quotas.take(key, FIVE_PER_15_MIN, T0)).isEmpty();
        assertThat(quotas.take(key, FIVE_PER_15_MIN, T0)).isPresent();

        quotas.clear(key);
        IntStream.range(0, 5).forEach(i -> assertThat(quotas.take(key, FIVE_PER_15_MIN, T0)).isEmpty());
        assertThat(quotas.take(key, FIVE_PER_15_MIN, T0)).isPresent();
    }

    @Test
    void concurrentAttemptsNeverTakeMoreThanTheLimit() throws Exception {
        String key = key();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<Duration>>> attempts = IntStream.range(0, 24)
                    .<Callable<Optional<Duration>>>mapToObj(i -> () -> quotas.take(key, FIVE_PER_15_MIN, T0))
                    .toList();
            long taken = 0;
            for (Future<Optional<Duration>> attempt : pool.invokeAll(attempts)) {
                taken += attempt.get().isEmpty() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(5);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeRemovesEndedWindowsOnly() {
        String ended = key();
        String current = key();
        quotas.take(ended, FIVE_PER_15_MIN, T0.minus(Duration.ofHours(1)));
        quotas.take(current, FIVE_PER_15_MIN, T0);

        quotas.purge(T0);

        IntStream.range(0, 4).forEach(i -> quotas.take(current, FIVE_PER_15_MIN, T0));
        assertThat(quotas.take(current, FIVE_PER_15_MIN, T0)).as("its first attempt was kept").isPresent();
        assertThat(quotas.take(ended, FIVE_PER_15_MIN, T0.minus(Duration.ofMinutes(50))))
                .as("removed: a fresh window even at a time the old one covered").isEmpty();
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
