package org.netzerocities.notification.delivery;

/** Where a notification reaches a member. */
public enum Channel {
    /** The inbox in the portal. */
    IN_APP,
    /** The live stream (Server-Sent Events) of a connected member. */
    LIVE,
    EMAIL
}
