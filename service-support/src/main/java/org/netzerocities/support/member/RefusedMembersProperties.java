package org.netzerocities.support.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nzc.refused-members.*}.
 *
 * @param refreshInterval how often each instance reads the refusals and reinstatements other instances recorded:
 *                        the longest an erased or suspended member's token still works (or a reinstated member's
 *                        is still refused) on an instance that did not receive the event
 * @param overlap         how far before the latest record seen each refresh reads again, for records written
 *                        out of order (concurrent writes, a failover to a primary whose clock lags a little)
 */
@ConfigurationProperties("nzc.refused-members")
public record RefusedMembersProperties(@DefaultValue("1s") Duration refreshInterval,
        @DefaultValue("1m") Duration overlap) {
}
