package org.netzerocities.notification.preference;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nzc.notifications.preferences.*}.
 *
 * @param weeklyEmailBudget non-critical immediate emails a member gets per week at most; the rest goes to the
 *                          digest
 * @param budgetPurgeInterval how often past weeks' counters are removed (once across instances; a TTL index does
 *                            it on a real MongoDB, not on the embedded server)
 */
@ConfigurationProperties("nzc.notifications.preferences")
record PreferenceProperties(@DefaultValue("20") int weeklyEmailBudget,
        @DefaultValue("PT6H") Duration budgetPurgeInterval) {
}
