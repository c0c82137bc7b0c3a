package org.netzerocities.notification.inbox;

/** Kinds of notification; members will set preferences per category. */
public enum Category {
    WELCOME,
    /** Someone wrote @name in a post of a thread the member can read. */
    MENTION
}
