package org.netzerocities.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final QuietHours LUNCH = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void hoursAcrossMidnightCoverTheLateEveningAndTheEarlyMorning() {
        assertThat(NIGHT.covers(Instant.parse("2026-06-10T23:30:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(NIGHT.covers(Instant.parse("2026-06-11T03:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(NIGHT.covers(Instant.parse("2026-06-11T12:00:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void theStartIsInsideAndTheEndOutside() {
        assertThat(NIGHT.covers(Instant.parse("2026-06-10T22:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(NIGHT.covers(Instant.parse("2026-06-10T07:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(LUNCH.covers(Instant.parse("2026-06-10T12:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(LUNCH.covers(Instant.parse("2026-06-10T14:00:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void hoursWithinADayCoverOnlyThatStretch() {
        assertThat(LUNCH.covers(Instant.parse("2026-06-10T13:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(LUNCH.covers(Instant.parse("2026-06-10T23:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(LUNCH.covers(Instant.parse("2026-06-10T08:00:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void theHoursAreReadOnTheMembersWallClock() {
        // 21:30 UTC is 23:30 in Paris in summer
        assertThat(NIGHT.covers(Instant.parse("2026-06-10T21:30:00Z"), PARIS)).isTrue();
        assertThat(NIGHT.covers(Instant.parse("2026-06-10T21:30:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void theEndMovesWithTheClocksWhenSummerTimeEnds() {
        // 05:30 UTC: 07:30 in Paris the day before the clocks go back (25 October 2026), 06:30 the day after
        assertThat(NIGHT.covers(Instant.parse("2026-10-24T05:30:00Z"), PARIS)).isFalse();
        assertThat(NIGHT.covers(Instant.parse("2026-10-26T05:30:00Z"), PARIS)).isTrue();
    }

    @Test
    void theNightOfTheSpringChangeStillEndsAtSevenLocalTime() {
        // 29 March 2026: 02:00 becomes 03:00 in Paris; 04:59 UTC is 06:59 there, 05:00 UTC is 07:00
        assertThat(NIGHT.covers(Instant.parse("2026-03-29T00:30:00Z"), PARIS)).isTrue();
        assertThat(NIGHT.covers(Instant.parse("2026-03-29T04:59:00Z"), PARIS)).isTrue();
        assertThat(NIGHT.covers(Instant.parse("2026-03-29T05:00:00Z"), PARIS)).isFalse();
    }
}
