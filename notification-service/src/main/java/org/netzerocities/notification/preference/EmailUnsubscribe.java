package org.netzerocities.notification.preference;

import org.netzerocities.notification.delivery.Category;

/** What an email's one-click unsubscribe link does: no more email of that category for the member. */
public interface EmailUnsubscribe {

    void unsubscribe(String memberId, Category category);
}
