package org.netzerocities.community.cityview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WeeksTest {

    @Test
    void theLastWeeksEndWithTheCurrentOneInTheCitysTimeZone() {
        // Sunday 23:30 UTC is already Monday of the next week in Bucharest
        var weeks = CityDashboards.lastWeeks(Instant.parse("2026-11-29T23:30:00Z"), ZoneId.of("Europe/Bucharest"));

        assertThat(weeks).hasSize(CityDashboards.WEEKS).doesNotHaveDuplicates();
        assertThat(weeks.get(weeks.size() - 1)).isEqualTo("2026-W49");
        assertThat(weeks.get(0)).isEqualTo("2026-W24");
    }

    @Test
    void theSeriesCrossesTheYearOnIsoWeekYears() {
        var weeks = CityDashboards.lastWeeks(Instant.parse("2027-01-06T12:00:00Z"), ZoneId.of("UTC"));

        assertThat(weeks).endsWith("2026-W52", "2026-W53", "2027-W01");
    }
}
