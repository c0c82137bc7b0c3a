package org.netzerocities.notification.delivery;

import java.util.List;

/** Hands routing's drafts to the delivery side. */
public interface Deliveries {

    /**
     * Sends the drafts to {@link NotificationTopics#DELIVERIES}, keyed by member id, and returns once the broker
     * has acknowledged all of them (so a handler that returns has not lost any); throws when it could not.
     */
    void send(List<NotificationDraft> drafts);
}
