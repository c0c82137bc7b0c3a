package org.netzerocities.notification.inbox;

/**
 * A stored notification to push to its member's open streams, on {@link
 * org.netzerocities.notification.delivery.NotificationTopics#LIVE} keyed by member id (so in the member's order).
 */
public record LiveNotification(String memberId, NotificationView notification) {
}
