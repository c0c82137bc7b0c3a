package org.netzerocities.community.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nzc.identity.*}: the tokens this service signs.
 *
 * @param issuer   the {@code iss} claim; resource servers are configured with the same value
 * @param tokenTtl how long an access token is valid
 */
@ConfigurationProperties("nzc.identity")
public record IdentityProperties(String issuer, Duration tokenTtl) {
}
