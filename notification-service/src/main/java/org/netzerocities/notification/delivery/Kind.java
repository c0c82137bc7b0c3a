package org.netzerocities.notification.delivery;

/**
 * Every kind of notification: its category (for preferences), whether it is critical (account and security
 * messages: sent whatever the preferences, digest and budget) and whether members must opt in to receive it
 * (announcements to a whole city, such as a new event matching their interests). The texts of kind {@code K} are
 * the keys {@code K.title} and {@code K.body} of {@code messages/notifications*.properties}.
 */
public enum Kind {

    WELCOME(Category.COMMUNITY),
    MENTION(Category.COMMUNITY),
    /** The daily digest email itself. */
    DIGEST(Category.SYSTEM);

    private final Category category;
    private final boolean critical;
    private final boolean optIn;

    Kind(Category category) {
        this(category, false, false);
    }

    Kind(Category category, boolean critical, boolean optIn) {
        this.category = category;
        this.critical = critical;
        this.optIn = optIn;
    }

    public Category category() {
        return category;
    }

    /** Sent on every channel it has, whatever the member's preferences, digest, budget or quiet hours. */
    public boolean critical() {
        return critical;
    }

    /** Off on every channel unless the member opted in to it. */
    public boolean optIn() {
        return optIn;
    }
}
