package org.netzerocities.campaign.channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A channel's posting cadence (an ISO-8601 period: one post per period, a week by default) and when a channel
 * that keeps missing it becomes dormant: two whole periods without a post, counted from the later of its creation
 * and its last published post. Periods are added in UTC, so {@code P1M} is a calendar month.
 */
final class Cadence {

    static final Period DEFAULT = Period.ofWeeks(1);
    /** Missed periods in a row that make a channel dormant. */
    static final int MISSED_PERIODS = 2;
    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);
    private static final int MAX_DAYS = 366;

    private Cadence() {
    }

    /**
     * The cadence a request names, or the default for none.
     *
     * @throws IllegalArgumentException unless an ISO-8601 period of one day to one year without negative parts
     */
    static Period parse(String text) {
        if (text == null) {
            return DEFAULT;
        }
        Period period;
        try {
            period = Period.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("must be an ISO-8601 period such as P7D, P2W or P1M");
        }
        long days = ChronoUnit.DAYS.between(REFERENCE, REFERENCE.plus(period));
        if (period.isNegative() || days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("must be between one day (P1D) and one year (P1Y)");
        }
        return period;
    }

    /** When a channel with no post since {@code lastPublishedAt} (null: none yet) becomes dormant. */
    static Instant dormantFrom(Period cadence, Instant createdAt, Instant lastPublishedAt) {
        Instant since = lastPublishedAt != null && lastPublishedAt.isAfter(createdAt) ? lastPublishedAt : createdAt;
        return since.atOffset(ZoneOffset.UTC).plus(cadence.multipliedBy(MISSED_PERIODS)).toInstant();
    }

    static boolean isDormant(Period cadence, Instant createdAt, Instant lastPublishedAt, Instant now) {
        return !now.isBefore(dormantFrom(cadence, createdAt, lastPublishedAt));
    }
}
