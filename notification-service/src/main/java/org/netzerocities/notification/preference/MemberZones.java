package org.netzerocities.notification.preference;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A member's time zone for quiet hours, budget weeks and the digest's morning. */
public final class MemberZones {

    private MemberZones() {
    }

    /** UTC when the contact has not arrived yet or names no zone this JVM knows. */
    public static ZoneId of(String timeZone) {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        }
        catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
