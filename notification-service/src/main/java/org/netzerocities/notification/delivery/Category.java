package org.netzerocities.notification.delivery;

/** What a notification is about; members set their preferences per category and channel. */
public enum Category {
    COMMUNITY, EVENTS, LEARNING, CAMPAIGNS, SYSTEM
}
