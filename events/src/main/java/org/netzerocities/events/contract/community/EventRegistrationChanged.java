package org.netzerocities.events.contract.community;

import java.time.Instant;

/**
 * A member's registration for an event: CONFIRMED (a seat), WAITLISTED (the event was full), PROMOTED (from the
 * waitlist to a seat) or CANCELLED (the member withdrew, or their account was erased).
 */
public record EventRegistrationChanged(
        String eventId,
        String title,
        Instant startsAt,
        String memberId,
        String status) {
}
