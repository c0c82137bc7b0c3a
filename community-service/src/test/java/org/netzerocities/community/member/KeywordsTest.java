package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(Keywords.of("Zürich Energie", "Ça va, ŁÓDŹ!")).containsExactly("zurich", "energie", "ca", "va",
                "lodz");
        assertThat(Keywords.normalise("Straße Øresund Œuvre")).isEqualTo("strasse oresund oeuvre");
    }

    @Test
    void wordsAreDistinctAndBounded() {
        assertThat(Keywords.of("solar solar SOLAR", null)).containsExactly("solar");
        String many = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "w" + i)
                .reduce((a, b) -> a + " " + b).orElseThrow();
        assertThat(Keywords.of(many)).hasSize(Keywords.MAX_KEYWORDS);
    }

    @Test
    void isoWeekIsTheWeekAsLivedInTheCity() {
        assertThat(Weeks.isoWeek(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/Paris")))
                .isEqualTo("2026-W48");
        // Sunday 23:30 in UTC is already Monday in Bucharest
        assertThat(Weeks.isoWeek(Instant.parse("2026-11-29T23:30:00Z"), ZoneId.of("Europe/Bucharest")))
                .isEqualTo("2026-W49");
        assertThat(Weeks.isoWeek(Instant.parse("2027-01-01T12:00:00Z"), ZoneId.of("Europe/Paris")))
                .isEqualTo("2026-W53");
    }
}
