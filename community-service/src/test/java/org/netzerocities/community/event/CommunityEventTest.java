package org.netzerocities.community.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;

/** The seat and waitlist rules of one event, without a database. */
class CommunityEventTest {

    private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    private final EventFactory events = new EventFactory("/test", new EventCodec(),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> null);

    @Test
    void membersGetSeatsUntilFullThenWaitInTheOrderTheyCame() {
        CommunityEvent event = event(2);

        assertThat(List.of("a", "b", "c", "d").stream().map(m -> event.register(m, NOW, events).status()))
                .containsExactly(Registration.Status.CONFIRMED, Registration.Status.CONFIRMED,
                        Registration.Status.WAITLISTED, Registration.Status.WAITLISTED);
        assertThat(event.freeSeats()).isZero();
        assertThat(event.waitlisted()).isEqualTo(2);
        assertThat(event.waitlistPosition("d")).contains(2);
        assertThat(statuses(event)).containsExactly("CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED");
    }

    @Test
    void aSeatLeftGoesToTheFirstOnTheWaitlistAndThenTheNext() {
        CommunityEvent event = event(1);
        List.of("a", "b", "c").forEach(m -> event.register(m, NOW, events));

        event.withdraw("a", NOW, events);
        assertThat(event.registrationOf("b").orElseThrow().isConfirmed()).isTrue();
        assertThat(event.waitlistPosition("c")).contains(1);
        event.withdraw("b", NOW, events);

        assertThat(event.registrationOf("c").orElseThrow().isConfirmed()).isTrue();
        assertThat(event.freeSeats()).isZero();
        assertThat(event.waitlisted()).isZero();
        assertThat(statuses(event)).endsWith("CANCELLED", "PROMOTED", "CANCELLED", "PROMOTED");
    }

    @Test
    void aWaitlistedMemberWhoWithdrawsPromotesNobody() {
        CommunityEvent event = event(1);
        List.of("a", "b", "c").forEach(m -> event.register(m, NOW, events));

        event.withdraw("b", NOW, events);

        assertThat(event.registrationOf("a").orElseThrow().isConfirmed()).isTrue();
        assertThat(event.waitlistPosition("c")).contains(1);
        assertThat(statuses(event)).last().isEqualTo("CANCELLED");
    }

    @Test
    void aLargerCapacityPromotesTheWaitlistInOrderAndALowerOneThanTheSeatsTakenIsRefused() {
        CommunityEvent event = event(1);
        List.of("a", "b", "c", "d").forEach(m -> event.register(m, NOW, events));

        event.update(withCapacity(event, 3), NOW, events);
        assertThat(event.registrationOf("b").orElseThrow().isConfirmed()).isTrue();
        assertThat(event.registrationOf("c").orElseThrow().isConfirmed()).isTrue();
        assertThat(event.waitlistPosition("d")).contains(1);
        assertThat(event.sequence()).isEqualTo(1);

        assertThatThrownBy(() -> event.update(withCapacity(event, 2), NOW, events)).isInstanceOfSatisfying(
                ApiProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(409));
        assertThat(event.capacity()).isEqualTo(3);
    }

    @Test
    void anUpdateRaisesTheSequenceAndNamesEveryRegistrant() {
        CommunityEvent event = event(1);
        List.of("a", "b").forEach(m -> event.register(m, NOW, events));

        EventDetails details = event.details();
        assertThat(event.update(details, NOW, events)).isFalse();
        event.update(new EventDetails("New title", details.description(), details.format(), details.address(),
                details.onlineUrl(), details.times(), details.capacity(), details.language(), details.topics()), NOW,
                events);

        assertThat(event.sequence()).isEqualTo(1);
        assertThat(last(event).type()).isEqualTo(EventCatalog.EVENT_UPDATED.type());
        assertThat(last(event).data()).contains("\"registrantIds\":[\"a\",\"b\"]", "\"sequence\":1");
    }

    @Test
    void aCancelledOrStartedEventTakesNoRegistrations() {
        CommunityEvent cancelled = event(5);
        cancelled.cancel("Venue closed", NOW, events);
        CommunityEvent started = event(5);

        assertThatThrownBy(() -> cancelled.register("a", NOW, events)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> started.register("a", started.startsAt(), events)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> cancelled.cancel("again", NOW, events)).isInstanceOf(ApiProblem.class);
        assertThat(cancelled.sequence()).isEqualTo(1);
    }

    @Test
    void remindersGoToConfirmedRegistrantsOnly() {
        CommunityEvent event = event(1);
        List.of("a", "b").forEach(m -> event.register(m, NOW, events));

        assertThat(event.reminders(events)).singleElement()
                .satisfies(reminder -> assertThat(reminder.data()).contains("\"memberId\":\"a\"",
                        "\"timeZone\":\"Europe/Bucharest\""));
    }

    @Test
    void forgettingAnOrganiserCancelsTheirUpcomingEventAndForgettingARegistrantPromotesTheNext() {
        CommunityEvent event = event(1);
        List.of("a", "b").forEach(m -> event.register(m, NOW, events));

        assertThat(event.forget("a", NOW, events)).isTrue();
        assertThat(event.registrationOf("b").orElseThrow().isConfirmed()).isTrue();
        assertThat(event.forget("organiser", NOW, events)).isTrue();

        assertThat(event.organiserId()).isNull();
        assertThat(event.status()).isEqualTo(CommunityEvent.Status.CANCELLED);
        assertThat(event.forget("nobody", NOW, events)).isFalse();
    }

    private CommunityEvent event(int capacity) {
        Instant start = NOW.plusSeconds(86_400 * 3);
        return CommunityEvent.schedule("ev-1", "kranj", new EventDetails("Repair café", null, EventFormat.IN_PERSON,
                "Str. Memorandumului 1", null, new EventTimes(start, start.plusSeconds(7200), ZONE), capacity, "ro",
                List.of("circular-economy")), "organiser", null, NOW, events);
    }

    private static EventDetails withCapacity(CommunityEvent event, int capacity) {
        EventDetails d = event.details();
        return new EventDetails(d.title(), d.description(), d.format(), d.address(), d.onlineUrl(), d.times(),
                capacity, d.language(), d.topics());
    }

    /** The statuses of the registration events, in the order they were announced. */
    private static List<String> statuses(CommunityEvent event) {
        return event.outbox().stream().filter(e -> e.type().equals(EventCatalog.EVENT_REGISTRATION_CHANGED.type()))
                .map(e -> e.data().replaceAll(".*\"status\":\"([A-Z]+)\".*", "$1")).toList();
    }

    private static PendingEvent last(CommunityEvent event) {
        return event.outbox().get(event.outbox().size() - 1);
    }
}
