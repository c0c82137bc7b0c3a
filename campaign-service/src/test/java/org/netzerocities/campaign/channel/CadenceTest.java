package org.netzerocities.campaign.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CadenceTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Period WEEK = Period.ofWeeks(1);

    @Test
    void theCadenceIsOnePostAWeekUnlessSaidOtherwise() {
        assertThat(Cadence.parse(null)).isEqualTo(Period.ofDays(7));
        assertThat(Cadence.parse("P2W")).isEqualTo(Period.ofDays(14));
        assertThat(Cadence.parse("P1M")).isEqualTo(Period.ofMonths(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "P0D", "PT12H", "P-1D", "P1M-40D", "P2Y", "P367D", "7", "weekly", "P", "" })
    void aCadenceIsAPeriodFromADayToAYear(String cadence) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cadence.parse(cadence));
    }

    @Test
    void aNewChannelWithoutPostsFallsDormantTwoPeriodsAfterItsCreation() {
        Instant dormantFrom = CREATED.plus(Duration.ofDays(14));
        assertThat(Cadence.dormantFrom(WEEK, CREATED, null)).isEqualTo(dormantFrom);
        assertThat(Cadence.isDormant(WEEK, CREATED, null, dormantFrom.minusMillis(1))).isFalse();
        assertThat(Cadence.isDormant(WEEK, CREATED, null, dormantFrom)).isTrue();
    }

    @Test
    void missingOnePeriodIsNotDormancy() {
        Instant lastPost = CREATED.plus(Duration.ofDays(30));
        assertThat(Cadence.isDormant(WEEK, CREATED, lastPost, lastPost.plus(Duration.ofDays(13)))).isFalse();
        assertThat(Cadence.isDormant(WEEK, CREATED, lastPost, lastPost.plus(Duration.ofDays(14)))).isTrue();
    }

    @Test
    void aPostBeforeTheChannelExistedCountsFromTheCreation() {
        Instant earlier = CREATED.minus(Duration.ofDays(30));
        assertThat(Cadence.dormantFrom(WEEK, CREATED, earlier)).isEqualTo(CREATED.plus(Duration.ofDays(14)));
    }

    @Test
    void aMonthlyCadenceCountsCalendarMonths() {
        Instant january31 = Instant.parse("2026-01-31T10:00:00Z");
        assertThat(Cadence.dormantFrom(Period.ofMonths(1), january31, null))
                .isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
    }
}
