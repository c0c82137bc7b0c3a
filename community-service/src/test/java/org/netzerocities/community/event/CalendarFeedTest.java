package org.netzerocities.community.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;

/** The feed parsed back with biweekly: what a calendar app would read. */
class CalendarFeedTest {

    private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");
    private final EventFactory events = new EventFactory("/test", new EventCodec(),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> null);

    @Test
    void eventsKeepTheirUidAndInstantAndAreWrittenInTheirOwnZoneAcrossSummerTime() {
        CommunityEvent winter = event("ev-w", "2027-02-01T18:00", "Europe/Bucharest");
        CommunityEvent summer = event("ev-s", "2027-07-01T18:00", "Europe/Bucharest");
        CommunityEvent lisbon = event("ev-l", "2027-07-02T09:00", "Europe/Lisbon");

        String ics = CalendarFeed.write("Test", List.of(winter, summer, lisbon), Map.of());
        ICalendar parsed = Biweekly.parse(ics).first();

        assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Europe/Bucharest", "TZID:Europe/Lisbon",
                "DTSTART;TZID=Europe/Bucharest:20270701T180000", "DTSTART;TZID=Europe/Lisbon:20270702T090000");
        assertThat(parsed.validate(ICalVersion.V2_0).isEmpty()).as(parsed.validate(ICalVersion.V2_0).toString())
                .isTrue();
        assertThat(parsed.getEvents()).extracting(e -> e.getUid().getValue())
                .containsExactly("ev-w@netzerocities.eu", "ev-s@netzerocities.eu", "ev-l@netzerocities.eu");
        for (CommunityEvent event : List.of(winter, summer, lisbon)) {
            VEvent entry = entry(parsed, event.id());
            assertThat(entry.getDateStart().getValue().toInstant()).isEqualTo(event.startsAt());
            assertThat(entry.getDateEnd().getValue().toInstant()).isEqualTo(event.endsAt());
            assertThat(parsed.getTimezoneInfo().getTimezone(entry.getDateStart()).getComponent().getTimezoneId()
                    .getValue()).isEqualTo(event.times().zone().getId());
        }
    }

    @Test
    void anUpdateRaisesTheSequenceAndACancellationIsMarked() {
        CommunityEvent event = event("ev-1", "2027-02-01T18:00", "Europe/Bucharest");
        assertThat(entry(parse(event), "ev-1").getSequence().getValue()).isZero();
        EventDetails d = event.details();
        event.update(new EventDetails("Moved", d.description(), d.format(), d.address(), d.onlineUrl(), d.times(),
                d.capacity(), d.language(), d.topics()), NOW, events);

        VEvent updated = entry(parse(event), "ev-1");
        assertThat(updated.getUid().getValue()).isEqualTo("ev-1@netzerocities.eu");
        assertThat(updated.getSequence().getValue()).isEqualTo(1);
        assertThat(updated.getSummary().getValue()).isEqualTo("Moved");
        assertThat(updated.getStatus().isConfirmed()).isTrue();

        event.cancel("Venue closed", NOW, events);
        VEvent cancelled = entry(parse(event), "ev-1");
        assertThat(cancelled.getSequence().getValue()).isEqualTo(2);
        assertThat(cancelled.getStatus().isCancelled()).isTrue();
        assertThat(cancelled.getLocation().getValue()).isEqualTo("Piața Unirii 1, Cluj");
        assertThat(cancelled.getUrl().getValue()).isEqualTo("https://meet.example.org/repair");
    }

    @Test
    void aMembersFeedMarksTheEventsTheyWaitFor() {
        CommunityEvent event = event("ev-1", "2027-02-01T18:00", "Europe/Bucharest");

        ICalendar parsed = Biweekly.parse(CalendarFeed.write("Mine", List.of(event),
                Map.of("ev-1", Registration.Status.WAITLISTED))).first();

        VEvent entry = entry(parsed, "ev-1");
        assertThat(entry.getSummary().getValue()).startsWith("(waitlisted) ");
        assertThat(entry.getExperimentalProperty(CalendarFeed.REGISTRATION_PROPERTY).getValue())
                .isEqualTo("WAITLISTED");
    }

    private ICalendar parse(CommunityEvent event) {
        return Biweekly.parse(CalendarFeed.write("Test", List.of(event), Map.of())).first();
    }

    private static VEvent entry(ICalendar calendar, String id) {
        return calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals(id + "@netzerocities.eu"))
                .findFirst().orElseThrow();
    }

    private CommunityEvent event(String id, String localStart, String zone) {
        EventTimes times = EventTimes.parse(localStart, localStart.replace("T18", "T20").replace("T09", "T11"), zone,
                NOW);
        return CommunityEvent.schedule(id, "kranj", new EventDetails("Repair café", "Bring a toaster\nor two",
                EventFormat.HYBRID, "Piața Unirii 1, Cluj", "https://meet.example.org/repair", times, 10, "ro",
                List.of("circular-economy", "energy")), "organiser", null, NOW, events);
    }

    @Test
    void aZoneWithoutSummerTimeHasOneObservance() {
        assertThat(CalendarFeed.vtimezone(ZoneId.of("Europe/Istanbul"), NOW, NOW).getStandardTimes()).hasSize(1);
    }
}
