package org.netzerocities.community.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event as the API shows it; times with the offset of the event's own time zone.
 *
 * @param status      {@code SCHEDULED} or {@code CANCELLED}; cancelled events stay listed, marked so
 * @param organiserId null once the organiser's account was erased
 * @param sequence    the iCalendar SEQUENCE, raised by every update and by the cancellation
 */
record EventView(String id, String title, String description, String format, String city, String address,
        String onlineUrl, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, int capacity, int confirmed,
        int waitlisted, int freeSeats, String language, List<String> topics, String organiserId, String groupId,
        String status, String cancellationReason, int sequence, Instant createdAt, Instant updatedAt) {

    static EventView of(CommunityEvent event) {
        EventTimes times = event.times();
        return new EventView(event.id(), event.title(), event.description(), event.format().name(), event.city(),
                event.address(), event.onlineUrl(), times.localStart(), times.localEnd(), times.zone().getId(),
                event.capacity(), event.confirmed(), event.waitlisted(), event.freeSeats(), event.language(),
                event.topics(), event.organiserId(), event.groupId(), event.status().name(),
                event.cancellationReason(), event.sequence(), event.createdAt(), event.updatedAt());
    }
}
