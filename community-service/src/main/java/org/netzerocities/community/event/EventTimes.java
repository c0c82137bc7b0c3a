package org.netzerocities.community.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.support.ApiProblem;

/**
 * When an event takes place: its start and end, and the IANA time zone its times are local to (the zone its
 * calendar entries and reminders show). Times are whole seconds, the precision of iCalendar.
 */
record EventTimes(Instant startsAt, Instant endsAt, ZoneId zone) {

    /** The furthest ahead an event may be planned. */
    static final Duration HORIZON = Duration.ofDays(3 * 366);
    /** The longest an event may last: a festival week, not a season. */
    static final Duration LONGEST = Duration.ofDays(31);

    OffsetDateTime localStart() {
        return startsAt.atZone(zone).toOffsetDateTime();
    }

    OffsetDateTime localEnd() {
        return endsAt.atZone(zone).toOffsetDateTime();
    }

    /**
     * Reads the times a client sent: each either a local date-time in {@code timeZone} ({@code 2027-03-01T18:00})
     * or an offset date-time ({@code 2027-03-01T18:00+01:00}), the zone an IANA region id.
     *
     * @throws ApiProblem 400 naming every field at fault: a malformed time or zone, a local time the clocks skip
     *                    in that zone, an end not after the start, a start in the past or beyond the horizon, an
     *                    event longer than {@link #LONGEST}
     */
    static EventTimes parse(String startsAt, String endsAt, String timeZone, Instant now) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        ZoneId zone = zone(timeZone);
        if (zone == null) {
            errors.add(new ApiProblem.FieldError("timeZone", "must be an IANA time zone such as Europe/Bucharest"));
            throw ApiProblem.invalid(errors);
        }
        Instant start = instant("startsAt", startsAt, zone, errors);
        Instant end = instant("endsAt", endsAt, zone, errors);
        if (start != null && end != null) {
            if (!start.isAfter(now)) {
                errors.add(new ApiProblem.FieldError("startsAt", "must be in the future"));
            }
            else if (start.isAfter(now.plus(HORIZON))) {
                errors.add(new ApiProblem.FieldError("startsAt", "must be within three years"));
            }
            if (!end.isAfter(start)) {
                errors.add(new ApiProblem.FieldError("endsAt", "must be after startsAt"));
            }
            else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                errors.add(new ApiProblem.FieldError("endsAt", "must be at most 31 days after startsAt"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new EventTimes(start, end, zone);
    }

    /** Only region ids: a bare offset has no daylight-saving rules, so calendars would show summer events wrong. */
    static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.length() > 64 || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            return null;
        }
        ZoneId zone = ZoneId.of(timeZone);
        return zone instanceof ZoneOffset ? null : zone;
    }

    private static Instant instant(String field, String value, ZoneId zone, List<ApiProblem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new ApiProblem.FieldError(field, "must not be blank"));
            return null;
        }
        if (value.length() > 40) {
            errors.add(new ApiProblem.FieldError(field, "must be an ISO-8601 date-time"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
        }
        catch (DateTimeParseException notWithOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(value);
                if (zone.getRules().getValidOffsets(local).isEmpty()) {
                    errors.add(new ApiProblem.FieldError(field, "does not exist in " + zone
                            + ": the clocks skip it"));
                    return null;
                }
                return ZonedDateTime.ofLocal(local, zone, null).toInstant().truncatedTo(ChronoUnit.SECONDS);
            }
            catch (DateTimeParseException malformed) {
                errors.add(new ApiProblem.FieldError(field,
                        "must be an ISO-8601 date-time, local (2027-03-01T18:00) or with offset (2027-03-01T18:00+01:00)"));
                return null;
            }
        }
    }
}
