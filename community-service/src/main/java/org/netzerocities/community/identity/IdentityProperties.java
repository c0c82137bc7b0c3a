package org.netzerocities.community.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nzc.identity.*}: the tokens this service signs and how it keeps passwords.
 *
 * @param issuer   the {@code iss} claim; resource servers are configured with the same value
 * @param tokenTtl how long an access token is valid
 * @param password how passwords are hashed
 */
@ConfigurationProperties("nzc.identity")
public record IdentityProperties(String issuer, Duration tokenTtl, Password password) {

    /**
     * @param bcryptCost BCrypt's work factor (log2 of its rounds, 4..31); each step doubles the time per hash,
     *                   and a hash made at another cost is replaced at the member's next log-in
     */
    public record Password(int bcryptCost) {
    }
}
