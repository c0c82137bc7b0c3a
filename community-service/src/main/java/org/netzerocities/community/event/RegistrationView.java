package org.netzerocities.community.event;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A member's registration for an event, for the member, the organiser and the member's data export.
 *
 * @param status           {@code CONFIRMED} (a seat) or {@code WAITLISTED}
 * @param waitlistPosition 1 for the first in line; null with a seat
 * @param eventStatus      {@code SCHEDULED} or {@code CANCELLED}
 */
record RegistrationView(String eventId, String eventTitle, OffsetDateTime startsAt, String eventStatus,
        String memberId, String status, Integer waitlistPosition, Instant registeredAt, Instant confirmedAt) {

    static RegistrationView of(CommunityEvent event, Registration registration) {
        return new RegistrationView(event.id(), event.title(), event.times().localStart(), event.status().name(),
                registration.memberId(), registration.status().name(),
                event.waitlistPosition(registration.memberId()).orElse(null), registration.registeredAt(),
                registration.confirmedAt());
    }
}
