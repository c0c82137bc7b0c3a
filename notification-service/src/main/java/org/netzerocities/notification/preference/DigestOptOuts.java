package org.netzerocities.notification.preference;

import java.util.Set;

/**
 * The members who want no digest email: they turned {@link org.netzerocities.notification.delivery.Category#SYSTEM}
 * emails off, which the unsubscribe link of a digest (a system email) does. What waits for their digest is skipped.
 */
@FunctionalInterface
public interface DigestOptOuts {

    Set<String> members();
}
