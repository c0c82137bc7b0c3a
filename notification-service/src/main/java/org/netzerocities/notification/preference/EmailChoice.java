package org.netzerocities.notification.preference;

/** How a member wants a category's notifications by email. */
public enum EmailChoice {
    OFF,
    /** One email per notification, as it happens (within the weekly budget and outside quiet hours). */
    IMMEDIATE,
    /** Grouped in the daily digest at 08:00 in the member's time zone. */
    DAILY_DIGEST
}
