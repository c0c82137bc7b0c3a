package org.netzerocities.community.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class QuotaWindowTest {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void aWindowIsFullOnlyWhileCurrentAndAtItsLimit() {
        assertThat(new QuotaWindow("k", 5, NOW.plusSeconds(1)).isFull(5, NOW)).isTrue();
        assertThat(new QuotaWindow("k", 4, NOW.plusSeconds(1)).isFull(5, NOW)).isFalse();
        assertThat(new QuotaWindow("k", 9, NOW).isFull(5, NOW)).as("ended at this instant").isFalse();
        assertThat(new QuotaWindow("k", 9, NOW.minusSeconds(1)).isFull(5, NOW)).isFalse();
    }

    @Test
    void retryAfterIsTheRestOfTheWindowRoundedUpToWholeSecondsAndNeverZero() {
        assertThat(new QuotaWindow("k", 5, NOW.plusMillis(899_001)).retryAfter(NOW)).isEqualTo(Duration.ofSeconds(900));
        assertThat(new QuotaWindow("k", 5, NOW.plusSeconds(900)).retryAfter(NOW)).isEqualTo(Duration.ofSeconds(900));
        assertThat(new QuotaWindow("k", 5, NOW.plusMillis(1)).retryAfter(NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLimitDescribesItselfAsPeopleReadIt() {
        assertThat(new QuotaProperties.Limit(30, Duration.ofDays(1)).describe("pins")).isEqualTo("30 pins per 24 h");
        assertThat(new QuotaProperties.Limit(5, Duration.ofMinutes(15)).describe("log-ins"))
                .isEqualTo("5 log-ins per 15 min");
    }
}
