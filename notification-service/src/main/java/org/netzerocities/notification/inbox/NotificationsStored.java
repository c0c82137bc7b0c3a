package org.netzerocities.notification.inbox;

import java.util.List;

/** Notifications the writer stored, for this instance's open streams (published in the writer's thread, in order). */
public record NotificationsStored(List<LiveNotification> notifications) {
}
