package org.netzerocities.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * {@code nzc.jwks.*}: how the gateway keeps the token issuer's signing keys (the JWKS is at
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}).
 *
 * @param minRefreshInterval a token with an unknown key id makes the gateway re-read the JWKS at most twice per
 *                           interval, so forged key ids cannot turn traffic into JWKS fetches
 * @param cacheTtl           how long fetched keys are used before the JWKS is read again, i.e. how long a key the
 *                           issuer dropped is still trusted; while the JWKS cannot be read, the last keys fetched
 *                           stay in use for ten times as long
 */
@ConfigurationProperties("nzc.jwks")
record SigningKeysProperties(Duration minRefreshInterval, Duration cacheTtl) {

    SigningKeysProperties {
        Assert.isTrue(minRefreshInterval.compareTo(cacheTtl) < 0,
                "nzc.jwks.min-refresh-interval must be shorter than nzc.jwks.cache-ttl");
    }
}
