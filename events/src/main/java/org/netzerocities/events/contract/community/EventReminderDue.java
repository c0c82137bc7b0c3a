package org.netzerocities.events.contract.community;

import java.time.Instant;

/** An event a member holds a seat for starts soon: published once per confirmed registrant, ahead of the start. */
public record EventReminderDue(
        String eventId,
        String memberId,
        String title,
        Instant startsAt,
        String timeZone) {
}
