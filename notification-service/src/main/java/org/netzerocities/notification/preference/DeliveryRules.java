package org.netzerocities.notification.preference;

import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.preference.ChannelPlan.EmailMode;

/**
 * Where one notification goes before the weekly budget is counted: critical kinds everywhere and at once, opt-in
 * kinds nowhere unless the member opted in, the rest by the member's switches for its category. Live needs the
 * inbox (the stream resumes from it). An immediate email inside quiet hours waits for the digest. The digest is
 * itself a {@link Category#SYSTEM} email: a member who turned those off (the unsubscribe link of a digest does) gets
 * no digest, so what would wait for it is not emailed at all.
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
            case DAILY_DIGEST -> digest(preferences);
            case IMMEDIATE -> quietNow ? digest(preferences) : EmailMode.IMMEDIATE;
        };
        return new ChannelPlan(choice.inApp(), choice.inApp() && choice.live(), email);
    }

    /** An immediate email the budget has no room for. */
    static ChannelPlan overBudget(ChannelPlan plan, NotificationPreferences preferences) {
        return new ChannelPlan(plan.inApp(), plan.live(), digest(preferences));
    }

    private static EmailMode digest(NotificationPreferences preferences) {
        return preferences.of(Category.SYSTEM).email() == EmailChoice.OFF ? EmailMode.NONE : EmailMode.DIGEST;
    }
}
