package org.netzerocities.notification.delivery;

/**
 * notification-service's own topics (not platform events: no schema in {@code events/}, no other consumer).
 * JSON values, keyed by member id.
 */
public final class NotificationTopics {

    /** {@link NotificationDraft}s from routing to the writer; a member's partition gives their notifications' order. */
    public static final String DELIVERIES = "nzc.notification.deliveries.v1";

    /** Stored notifications to push to connected members; every instance reads all of it in its own group. */
    public static final String LIVE = "nzc.notification.live.v1";

    /** {@link EmailRequest}s to send, at the mail server's pace. */
    public static final String EMAILS = "nzc.notification.emails.v1";

    private NotificationTopics() {
    }
}
