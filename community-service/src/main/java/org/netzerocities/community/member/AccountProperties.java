package org.netzerocities.community.member;

import java.time.Duration;

import org.netzerocities.community.quota.QuotaProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code nzc.community.accounts.*}: the one-time links of the account emails.
 *
 * @param portalBaseUrl          the portal's public address, which the links point into
 * @param verificationLifetime   how long an email verification link works
 * @param passwordResetLifetime  how long a password reset link works
 * @param emailChangeLifetime    how long the link confirming a new address works
 * @param verificationEmails     verification emails (resends and email changes) a member may ask for
 * @param passwordResets         reset emails one address may receive; requests beyond are quietly dropped
 * @param resetQueue             reset requests waiting to be handled; beyond, they are quietly dropped
 */
@Validated
@ConfigurationProperties("nzc.community.accounts")
public record AccountProperties(@NotBlank String portalBaseUrl,
        @DefaultValue("P2D") Duration verificationLifetime,
        @DefaultValue("PT1H") Duration passwordResetLifetime,
        @DefaultValue("P1D") Duration emailChangeLifetime,
        @Valid @NotNull QuotaProperties.Limit verificationEmails,
        @Valid @NotNull QuotaProperties.Limit passwordResets,
        @DefaultValue("1000") int resetQueue) {
}
