package org.netzerocities.notification.inbox;

import java.time.Instant;

public record NotificationView(String id, Category category, String title, String body, String link, boolean read,
        Instant createdAt, Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.category(), n.title(), n.body(), n.link(), !n.unread(), n.createdAt(),
                n.readAt());
    }
}
