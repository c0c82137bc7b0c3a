package org.netzerocities.notification.delivery;

import java.util.List;

/** Hands routing's drafts to the delivery side. */
public interface Deliveries {

    /**
     * Sends the drafts to {@link NotificationTopics#DELIVERIES}, keyed by member id. Returns once the broker has
     * acknowledged all of them, or, within a dispatch of platform events, leaves that to be awaited before the
     * event's offset is committed ({@link org.netzerocities.events.consumer.DeferredWork}): a failure then fails
     * the event's handling and it comes again. Throws when the drafts could not be sent.
     */
    void send(List<NotificationDraft> drafts);
}
