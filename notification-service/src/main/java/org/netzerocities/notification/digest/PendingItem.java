package org.netzerocities.notification.digest;

import java.time.Instant;

/**
 * A notification waiting for its member's digest ({@code digest: "PENDING"} in {@code notifications}), its texts
 * already in the member's language.
 *
 * @param kind the stored kind's name (a kind since removed is not a {@link org.netzerocities.notification.delivery.Kind})
 */
record PendingItem(String id, String kind, String title, String body, String link, Instant createdAt,
        boolean read) {
}
