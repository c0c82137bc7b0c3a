package org.netzerocities.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class WeeklyBudgetTest {

    private final WeeklyBudget budget = new WeeklyBudget(10);

    @Test
    void everythingFitsWhileTheWeekIsBelowTheCap() {
        assertThat(budget.allowed(3, 3)).isEqualTo(3);
        assertThat(budget.allowed(10, 4)).isEqualTo(4);
    }

    @Test
    void onlyWhatFitsBelowTheCapGoesNow() {
        assertThat(budget.allowed(12, 4)).isEqualTo(2);
    }

    @Test
    void nothingGoesOnceTheCapIsReached() {
        assertThat(budget.allowed(11, 1)).isZero();
        assertThat(budget.allowed(25, 5)).isZero();
    }

    @Test
    void twoWritersCountingAtOnceNeverSendMoreThanTheCapTogether() {
        // 7 sent this week; two batches add 2 and 3 before either reads: both read 12
        int first = budget.allowed(12, 2);
        int second = budget.allowed(12, 3);
        assertThat(7 + first + second).isLessThanOrEqualTo(10);
    }

    @Test
    void weeksAreIsoWeeksOnTheMembersCalendar() {
        // Sunday 23:30 UTC is already Monday in Warsaw: a new week there, not in UTC
        Instant sundayNight = Instant.parse("2026-11-29T23:30:00Z");
        assertThat(WeeklyBudget.week(sundayNight, ZoneOffset.UTC)).isEqualTo("2026-W48");
        assertThat(WeeklyBudget.week(sundayNight, ZoneId.of("Europe/Warsaw"))).isEqualTo("2026-W49");
    }

    @Test
    void theLastDaysOfDecemberMayBelongToTheNextYearsFirstWeek() {
        assertThat(WeeklyBudget.week(Instant.parse("2024-12-31T12:00:00Z"), ZoneOffset.UTC)).isEqualTo("2025-W01");
    }
}
