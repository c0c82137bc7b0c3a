package org.netzerocities.community.member;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** ISO week keys such as {@code 2026-W48}, stored with a fact so counts per week need no date operators. */
final class Weeks {

    private Weeks() {
    }

    /** The ISO week of {@code instant} as lived in {@code zone}. */
    static String isoWeek(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return "%d-W%02d".formatted(local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
