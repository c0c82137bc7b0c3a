package org.netzerocities.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An email to send to a member, on {@link NotificationTopics#EMAILS} keyed by member id. The address and language
 * are looked up when it is sent (the contact may arrive after the event).
 *
 * @param id      deterministic (the notification's id, or the digest's), so it is sent once at most
 * @param link    portal path the email leads to, or null
 * @param entries the notifications grouped in a {@link Kind#DIGEST}, newest first; empty otherwise
 */
public record EmailRequest(String id, String memberId, Kind kind, Map<String, String> params, String link,
        List<DigestEntry> entries, Instant createdAt) {

    public EmailRequest {
        params = Map.copyOf(params);
        entries = List.copyOf(entries);
    }

    /** One notification in a digest, its texts already in the member's language. */
    public record DigestEntry(String notificationId, Kind kind, String title, String body, String link,
            Instant createdAt) {
    }
}
