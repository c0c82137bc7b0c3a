package org.netzerocities.community.terms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code nzc.community.terms.*}: consent at sign-up.
 *
 * @param minimumAge the age a citizen confirms they have reached to join: 16 by default, the GDPR's default age of
 *                   digital consent (a member state may lower it to 13)
 */
@Validated
@ConfigurationProperties("nzc.community.terms")
record TermsProperties(@DefaultValue("16") @Min(13) @Max(21) int minimumAge) {
}
