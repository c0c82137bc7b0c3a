package org.netzerocities.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.community.EventCancelled;
import org.netzerocities.events.contract.community.EventRegistrationChanged;
import org.netzerocities.events.contract.community.EventReminderDue;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.community.EventUpdated;
import org.netzerocities.notification.delivery.Kind;

class EventRoutingTest extends RoutingFixture {

    static final Instant STARTS = Instant.parse("2026-12-01T17:00:00Z");

    final EventRouting routing = new EventRouting();

    @Test
    void aNewEventIsOfferedToTheCitysMembersInterestedInItsTopicsButNotItsOrganiser() {
        String interested = member("lyon", List.of("food", "energy"), List.of());
        String organiser = member("lyon", List.of("energy"), List.of());
        String notInterested = member("lyon", List.of("mobility"), List.of());
        String elsewhere = member("cluj-napoca", List.of("energy"), List.of());

        deliver(routing.routeEventScheduled(notifier, audiences), new EventScheduled("e-1", "Heat pumps evening",
                "lyon", "IN_PERSON", STARTS, STARTS.plusSeconds(7200), "Europe/Paris", "fr", List.of("energy"),
                organiser, null));

        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.EVENT_SCHEDULED, List.of(interested)));
        assertThat(sent()).doesNotContainKeys(organiser, notInterested, elsewhere);
        assertThat(sent().get(interested).params()).containsEntry("title", "Heat pumps evening")
                .containsEntry("startsAt", "2026-12-01 18:00 (Europe/Paris)");
        assertThat(sent().get(interested).link()).isEqualTo("/events/e-1");
        assertThat(Kind.EVENT_SCHEDULED.optIn()).isTrue();
    }

    @Test
    void anUpdateOrCancellationReachesTheRegistrants() {
        deliver(routing.routeEventUpdated(notifier), new EventUpdated("e-1", "Heat pumps evening", "lyon", "ONLINE",
                STARTS, STARTS.plusSeconds(3600), "Europe/Paris", "fr", List.of("energy"), "organiser", null, 2,
                List.of("ana", "organiser", "ben")));
        deliver(routing.routeEventCancelled(notifier), new EventCancelled("e-2", "Bike repair", STARTS, "Storm",
                List.of("eva")));

        assertThat(recipientsByKind()).containsEntry(Kind.EVENT_UPDATED, List.of("ana", "ben"))
                .containsEntry(Kind.EVENT_CANCELLED, List.of("eva"));
        assertThat(sent().get("eva").params()).containsEntry("reason", "Storm")
                .containsEntry("startsAt", "2026-12-01 17:00 UTC");
    }

    @Test
    void eachRegistrationStatusHasItsOwnKind() {
        for (String status : List.of("CONFIRMED", "WAITLISTED", "PROMOTED", "CANCELLED")) {
            deliver(routing.routeEventRegistrationChanged(notifier),
                    new EventRegistrationChanged("e-1", "Heat pumps evening", STARTS, "member-" + status, status));
        }

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.EVENT_REGISTRATION_CONFIRMED, List.of("member-CONFIRMED"),
                Kind.EVENT_REGISTRATION_WAITLISTED, List.of("member-WAITLISTED"),
                Kind.EVENT_REGISTRATION_PROMOTED, List.of("member-PROMOTED"),
                Kind.EVENT_REGISTRATION_CANCELLED, List.of("member-CANCELLED")));
    }

    @Test
    void aReminderReachesItsMemberInTheEventsTimeZone() {
        deliver(routing.routeEventReminderDue(notifier),
                new EventReminderDue("e-1", "ana", "Heat pumps evening", STARTS, "Europe/Warsaw"));

        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.EVENT_REMINDER, List.of("ana")));
        assertThat(sent().get("ana").params()).containsEntry("startsAt", "2026-12-01 18:00 (Europe/Warsaw)");
    }
}
