package org.netzerocities.notification.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * What routing decided: one member is to be told something. Travels on {@link NotificationTopics#DELIVERIES}
 * keyed by member id, so one consumer writes all of a member's notifications in order.
 *
 * @param id            deterministic: {@link #idFor(String, String)} of the causing event and the recipient, so
 *                      a replayed event creates nothing twice
 * @param params        named values for the kind's texts ({@code {name}} placeholders); no contact data, no
 *                      secrets
 * @param link          where in the portal it leads (a path such as {@code /community/threads/t-1}), or null
 * @param sourceEventId the CloudEvents id of the event that caused it
 * @param occurredAt    when that event happened
 */
public record NotificationDraft(String id, String memberId, Kind kind, Map<String, String> params, String link,
        String sourceEventId, Instant occurredAt) {

    public NotificationDraft {
        params = Map.copyOf(params);
    }

    /** One notification per event and recipient. */
    public static String idFor(String eventId, String memberId) {
        return eventId + "~" + memberId;
    }
}
