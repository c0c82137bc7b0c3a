package org.netzerocities.notification.inbox;

import java.time.Instant;

import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;

/**
 * A notification as the member sees it in the inbox and on the live stream.
 *
 * @param seq the member's sequence number, the live stream's event id ({@code Last-Event-ID})
 */
public record NotificationView(String id, long seq, Kind kind, Category category, boolean critical, String title,
        String body, String link, boolean read, Instant createdAt, Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.seq(), n.kind(), n.category(), n.critical(), n.title(), n.body(),
                n.link(), n.readAt() != null, n.createdAt(), n.readAt());
    }
}
