package org.netzerocities.notification.preference;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;

import io.swagger.v3.oas.annotations.media.Schema;

/** A member's notification preferences as the portal shows them. */
@Schema(description = "The calling member's notification preferences, the platform's defaults where they chose nothing")
record PreferencesView(
        @Schema(description = "Per category (COMMUNITY, EVENTS, LEARNING, CAMPAIGNS, SYSTEM): in the inbox, on the "
                + "live stream (only with the inbox), and by email (OFF, IMMEDIATE or DAILY_DIGEST)")
        Map<Category, ChannelChoice> categories,
        @Schema(description = "City-wide announcements that reach a member only if they opted in, by kind: e.g. new "
                + "events in their city matching their interests, calls to action of their city")
        Map<Kind, Boolean> optIns,
        @Schema(description = "Local times (member's time zone) without immediate emails, which wait for the "
                + "digest; null for none. A start after the end spans midnight", nullable = true)
        QuietHours quietHours,
        @Schema(description = "The platform's weekly cap of non-critical immediate emails; the rest goes to the "
                + "digest. Critical (account, security) emails are always sent", accessMode = Schema.AccessMode.READ_ONLY)
        int weeklyEmailBudget) {

    static PreferencesView of(NotificationPreferences preferences, int weeklyEmailBudget) {
        Map<Category, ChannelChoice> categories = new EnumMap<>(preferences.channels());
        Map<Kind, Boolean> optIns = new TreeMap<>();
        for (Kind kind : Kind.values()) {
            if (kind.optIn() && !kind.critical()) {
                optIns.put(kind, preferences.optedIn().contains(kind));
            }
        }
        return new PreferencesView(categories, optIns, preferences.quietHours(), weeklyEmailBudget);
    }
}
