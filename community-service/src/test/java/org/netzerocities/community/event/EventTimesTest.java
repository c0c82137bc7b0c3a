package org.netzerocities.community.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.support.ApiProblem;

/** Reading an event's times: local or with offset, in an IANA zone, in the future, end after start. */
class EventTimesTest {

    private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");

    @Test
    void aLocalTimeIsReadInTheEventsZoneWithItsSummerOffset() {
        EventTimes times = EventTimes.parse("2027-07-01T18:00", "2027-07-01T20:30:00", "Europe/Bucharest", NOW);

        assertThat(times.startsAt()).isEqualTo(Instant.parse("2027-07-01T15:00:00Z"));
        assertThat(times.endsAt()).isEqualTo(Instant.parse("2027-07-01T17:30:00Z"));
        assertThat(times.localStart().toString()).isEqualTo("2027-07-01T18:00+03:00");
    }

    @Test
    void anOffsetTimeKeepsItsInstantAndIsShownInTheEventsZone() {
        EventTimes times = EventTimes.parse("2027-02-01T18:00:00+01:00", "2027-02-01T19:00:00Z", "Europe/Lisbon",
                NOW);

        assertThat(times.startsAt()).isEqualTo(Instant.parse("2027-02-01T17:00:00Z"));
        assertThat(times.localStart().toString()).isEqualTo("2027-02-01T17:00Z");
    }

    @Test
    void aLocalTimeTheClocksSkipIsRefused() {
        // 2027-03-28 03:00 → 04:00 in Bucharest
        assertThat(errors("2027-03-28T03:30", "2027-03-28T05:00", "Europe/Bucharest")).containsExactly("startsAt");
    }

    @Test
    void badTimesAndZonesAreRefusedNamingTheirFields() {
        assertThat(errors("2027-02-01T18:00", "2027-02-01T17:00", "Europe/Rome")).containsExactly("endsAt");
        assertThat(errors("2027-01-01T18:00", "2027-01-01T19:00", "Europe/Rome")).containsExactly("startsAt");
        assertThat(errors("2031-01-01T18:00", "2031-01-01T19:00", "Europe/Rome")).containsExactly("startsAt");
        assertThat(errors("2027-02-01T18:00", "2027-03-15T18:00", "Europe/Rome")).containsExactly("endsAt");
        assertThat(errors("tomorrow", "2027-02-30T18:00", "Europe/Rome")).containsExactly("startsAt", "endsAt");
        assertThat(errors("2027-02-01T18:00", "2027-02-01T19:00", "+01:00")).containsExactly("timeZone");
        assertThat(errors("2027-02-01T18:00", "2027-02-01T19:00", "Mars/Olympus")).containsExactly("timeZone");
        assertThat(errors("2027-02-01T18:00", "2027-02-01T19:00", "europe/rome")).containsExactly("timeZone");
        assertThat(errors(null, "", "Europe/Rome")).containsExactly("startsAt", "endsAt");
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(String start, String end, String zone) {
        try {
            EventTimes.parse(start, end, zone, NOW);
            return List.of();
        }
        catch (ApiProblem problem) {
            assertThat(problem.getStatusCode().value()).isEqualTo(400);
            return ((List<ApiProblem.FieldError>) problem.getBody().getProperties().get("errors")).stream()
                    .map(ApiProblem.FieldError::field).toList();
        }
    }

    @Test
    void aBlankZoneIsRefused() {
        assertThatThrownBy(() -> EventTimes.parse("2027-02-01T18:00", "2027-02-01T19:00", null, NOW))
                .isInstanceOf(ApiProblem.class);
    }
}
