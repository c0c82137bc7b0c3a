package org.netzerocities.notification.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Local times between which a member gets no immediate email (it waits for the digest). {@code start} is inside,
 * {@code end} outside; a start after the end spans midnight (22:00–07:00).
 */
public record QuietHours(@JsonFormat(pattern = "HH:mm") LocalTime start, @JsonFormat(pattern = "HH:mm") LocalTime end) {

    /** Whether {@code now} falls inside, read on the member's wall clock (so DST changes move it with them). */
    public boolean covers(Instant now, ZoneId zone) {
        LocalTime local = now.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }
}
