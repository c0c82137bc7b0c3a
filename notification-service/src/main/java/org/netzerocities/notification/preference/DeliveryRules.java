package org.netzerocities.notification.preference;

import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.preference.ChannelPlan.EmailMode;

/**
 * Where one notification goes before the weekly budget is counted: critical kinds everywhere and at once, opt-in
 * kinds nowhere unless the member opted in, the rest by the member's switches for its category. Live needs the
 * inbox (the stream resumes from it). An immediate email inside quiet hours waits for the digest.
 */
final class DeliveryRules {

    static final ChannelPlan CRITICAL = new ChannelPlan(true, true, EmailMode.IMMEDIATE);

    private DeliveryRules() {
    }

    static ChannelPlan plan(Kind kind, NotificationPreferences preferences, boolean quietNow) {
        return plan(kind.category(), kind.critical(), kind.optIn() && !preferences.optedIn().contains(kind),
                preferences, quietNow);
    }

    /** @param notOptedIn an opt-in kind the member did not ask for */
    static ChannelPlan plan(Category category, boolean critical, boolean notOptedIn,
            NotificationPreferences preferences, boolean quietNow) {
        if (critical) {
            return CRITICAL;
        }
        if (notOptedIn) {
            return ChannelPlan.NOWHERE;
        }
        ChannelChoice choice = preferences.of(category);
        EmailMode email = switch (choice.email()) {
            case OFF -> EmailMode.NONE;
            case DAILY_DIGEST -> EmailMode.DIGEST;
            case IMMEDIATE -> quietNow ? EmailMode.DIGEST : EmailMode.IMMEDIATE;
        };
        return new ChannelPlan(choice.inApp(), choice.inApp() && choice.live(), email);
    }

    /** An immediate email the budget has no room for. */
    static ChannelPlan overBudget(ChannelPlan plan) {
        return new ChannelPlan(plan.inApp(), plan.live(), EmailMode.DIGEST);
    }
}
