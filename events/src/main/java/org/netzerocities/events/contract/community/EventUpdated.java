package org.netzerocities.events.contract.community;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled event changed. {@code sequence} is the event's iCalendar SEQUENCE after the change;
 * {@code registrantIds} are the members registered (confirmed and waitlisted), who are told.
 */
public record EventUpdated(
        String eventId,
        String title,
        String city,
        String format,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        String language,
        List<String> topics,
        String organiserId,
        String groupId,
        int sequence,
        List<String> registrantIds) {
}
