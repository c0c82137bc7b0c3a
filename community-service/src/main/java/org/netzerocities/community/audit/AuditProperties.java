package org.netzerocities.community.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code nzc.community.audit.*}.
 *
 * @param retention     how long entries are kept; older ones are removed
 * @param purgeInterval how often one instance (across all) removes the entries past retention
 */
@Validated
@ConfigurationProperties("nzc.community.audit")
public record AuditProperties(@NotNull @DefaultValue("P730D") Duration retention,
        @NotNull @DefaultValue("PT1H") Duration purgeInterval) {
}
