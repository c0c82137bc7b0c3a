package org.netzerocities.events.contract.community;

import java.time.Instant;
import java.util.List;

/**
 * A community event was scheduled in the calendar. {@code timeZone} is the IANA zone the event's times are local
 * to (for showing them); {@code groupId} is the organising group, if any.
 */
public record EventScheduled(
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
        String groupId) {
}
