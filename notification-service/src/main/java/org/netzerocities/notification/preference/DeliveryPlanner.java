package org.netzerocities.notification.preference;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.delivery.NotificationDraft;

/**
 * Decides each draft's channels from its member's preferences, weekly email budget and quiet hours. Works on a
 * batch: one read of the batch's members' preferences, never one per draft.
 */
public interface DeliveryPlanner {

    /**
     * @param contacts the batch's members known to the projection, by member id (a member may be missing)
     * @return one plan per draft, in the drafts' order
     */
    List<ChannelPlan> plan(List<NotificationDraft> drafts, Map<String, MemberContact> contacts, Instant now);
}
