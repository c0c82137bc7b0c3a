package org.netzerocities.notification.preference;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * The weekly cap of non-critical immediate emails per member. Weeks are ISO weeks (Monday to Sunday) on the
 * member's own calendar. A batch first adds all it wants to send to the member's counter, then reads the counter
 * back: what fits below the cap counting everything added before is sent now, the rest goes to the digest. Two
 * writers adding at once can then only under-use the budget, never exceed it.
 */
record WeeklyBudget(int cap) {

    /** The week's key, e.g. {@code 2026-W53}. */
    static String week(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return String.format("%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
                local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * @param counted the member's counter after adding {@code wanted}
     * @return how many of the {@code wanted} emails may go now
     */
    int allowed(long counted, int wanted) {
        long before = counted - wanted;
        return (int) Math.max(0, Math.min(wanted, cap - before));
    }
}
