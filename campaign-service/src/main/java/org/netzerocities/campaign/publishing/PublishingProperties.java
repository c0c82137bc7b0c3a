package org.netzerocities.campaign.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nzc.campaigns.publishing.*}: the scheduler and the insights job.
 *
 * @param scanInterval     how often an instance looks for due posts (one query over queued and stalled posts)
 * @param lease            how long a claim protects a post being published; longer than the publisher's worst
 *                         case, so a live instance never loses a post it is still publishing
 * @param maxAttempts      transient failures after which a post that never reached Instagram fails for good
 * @param retryBackoff     the wait after the first transient failure, doubled each time up to {@code retryMax}
 * @param retryMax         the longest wait between attempts (also the wait when the publishing limit is reached)
 * @param dailyLimit       posts per channel in any 24 hours
 * @param metricsInterval  how often a published post's insights are fetched again
 * @param metricsWindow    how long after publication insights are still fetched
 */
@ConfigurationProperties("nzc.campaigns.publishing")
record PublishingProperties(@DefaultValue("PT30S") Duration scanInterval, @DefaultValue("PT10M") Duration lease,
        @DefaultValue("8") int maxAttempts, @DefaultValue("PT1M") Duration retryBackoff,
        @DefaultValue("PT1H") Duration retryMax, @DefaultValue("25") int dailyLimit,
        @DefaultValue("PT6H") Duration metricsInterval, @DefaultValue("P30D") Duration metricsWindow) {

    /** The wait after {@code attempts} transient failures: exponential, capped. */
    Duration backoff(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) < 0 ? wait : retryMax;
    }
}
