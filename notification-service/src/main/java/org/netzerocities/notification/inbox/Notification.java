package org.netzerocities.notification.inbox;

import java.time.Instant;
import java.util.Map;

import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification of a member, as the writer stored it. Other packages (the digest) read these field names
 * through MongoTemplate, so they are part of the design: {@code _id}, {@code memberId}, {@code seq}, {@code kind},
 * {@code category}, {@code critical}, {@code title}, {@code body}, {@code link}, {@code params},
 * {@code sourceEventId}, {@code createdAt}, {@code readAt}, {@code inApp}, {@code digest}, {@code expiresAt}.
 *
 * @param id      the draft's id, deterministic per causing event and member: a redelivered draft is not stored twice
 * @param seq     the member's sequence number: the draft's offset in its partition of the deliveries topic, which
 *                holds all of the member's drafts, so it grows with each notification and is the same on a
 *                redelivery; the live stream's event id
 * @param title   in the member's language when it was written
 * @param inApp   listed in the inbox; false when it is kept only for the member's digest
 * @param digest  {@code PENDING} while it waits for the member's daily digest, null when it goes in none
 * @param expiresAt when the retention removes it (a TTL index on MongoDB, the scheduled purge elsewhere)
 */
@Document(Notification.COLLECTION)
@CompoundIndex(name = "inbox", def = "{'memberId': 1, 'seq': -1}")
public record Notification(@Id String id, String memberId, long seq, Kind kind, Category category, boolean critical,
        String title, String body, String link, Map<String, String> params, String sourceEventId, Instant createdAt,
        Instant readAt, boolean inApp, DigestState digest, @Indexed(name = "retention", expireAfter = "0s")
        Instant expiresAt) {

    public static final String COLLECTION = "notifications";

    /** Where a notification stands with the member's daily digest. */
    public enum DigestState {
        PENDING, SENT, SKIPPED
    }
}
