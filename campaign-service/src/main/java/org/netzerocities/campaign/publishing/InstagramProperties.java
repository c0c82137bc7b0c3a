package org.netzerocities.campaign.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nzc.campaigns.instagram.*}: the Graph API adapter, used when {@code nzc.campaigns.publisher=instagram}.
 *
 * @param baseUrl             the Graph API host
 * @param apiVersion          the Graph API version every call names
 * @param timeout             how long one call may take (Resilience4j time limiter)
 * @param retryAttempts       attempts per call on transient errors (throttling, 5xx, time-outs), media_publish
 *                            excepted: its outcome is reconciled instead
 * @param retryBackoff        the wait before the first retry, doubled each time
 * @param circuitMinimumCalls calls in the window before the circuit breaker judges the failure rate
 * @param circuitOpenFor      how long the circuit stays open (calls refused at once) after half the calls in the
 *                            window failed
 * @param pollInitial         the first wait before a container's status is polled again, doubled each time
 * @param pollMaxWait         how long to wait for a container to be processed before trying again later
 */
@ConfigurationProperties("nzc.campaigns.instagram")
record InstagramProperties(@DefaultValue("https://graph.facebook.com") String baseUrl,
        @DefaultValue("v23.0") String apiVersion, @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("3") int retryAttempts, @DefaultValue("PT1S") Duration retryBackoff,
        @DefaultValue("5") int circuitMinimumCalls, @DefaultValue("PT1M") Duration circuitOpenFor,
        @DefaultValue("PT2S") Duration pollInitial, @DefaultValue("PT2M") Duration pollMaxWait) {

    /** The worst case of one call with its retries: a claim's lease must be longer than a whole publish. */
    Duration worstCall() {
        Duration waits = Duration.ZERO;
        for (int attempt = 1; attempt < retryAttempts; attempt++) {
            waits = waits.plus(retryBackoff.multipliedBy(1L << (attempt - 1)));
        }
        return timeout.multipliedBy(retryAttempts).plus(waits);
    }
}
