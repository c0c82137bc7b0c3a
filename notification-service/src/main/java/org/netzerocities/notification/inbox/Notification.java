package org.netzerocities.notification.inbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry in a member's inbox. Its id derives from the event that caused it, so processing that
 * event twice writes the same notification, never a second one.
 *
 * @param link where in the portal the notification leads
 */
@Document("notifications")
@CompoundIndex(name = "inbox", def = "{'memberId': 1, 'createdAt': -1}")
public record Notification(@Id String id, String memberId, Category category, String title, String body, String link,
        String sourceEventId, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }

    Notification markRead(Instant at) {
        return readAt != null ? this
                : new Notification(id, memberId, category, title, body, link, sourceEventId, createdAt, at);
    }
}
