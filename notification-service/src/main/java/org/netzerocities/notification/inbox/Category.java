package org.netzerocities.notification.inbox;

/** Kinds of notification; members will set preferences per category. */
public enum Category {
    WELCOME
}
