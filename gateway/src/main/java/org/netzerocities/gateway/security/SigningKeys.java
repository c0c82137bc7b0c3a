package org.netzerocities.gateway.security;

import java.net.URL;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * The token issuer's signing keys, read from its JWKS endpoint through Nimbus's cache (concurrent callers wait for
 * one fetch), rate limiter and outage tolerance, in the order Nimbus's {@code JWKSourceBuilder} stacks them.
 *
 * <p>Unlike the builder's source, this one fails only when there are no keys at all (nothing fetched yet and the
 * endpoint down): the gateway answers that with 503. A key id missing from the keys in hand is the token's fault,
 * answered 401, even when the refresh it triggers is rate limited or fails.
 */
final class SigningKeys implements JWKSource<SecurityContext> {

    // above Nimbus's 500 ms: a service that has just started on a busy host answers its first requests slowly
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final int READ_TIMEOUT_MS = 2_000;

    private final JWKSetSource<SecurityContext> keySets;

    SigningKeys(URL jwksUrl, SigningKeysProperties properties) {
        var retriever = new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS,
                JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        var endpoint = new URLBasedJWKSetSource<SecurityContext>(jwksUrl, retriever);
        var lastKeysThroughOutages = new OutageTolerantJWKSetSource<>(endpoint,
                properties.cacheTtl().multipliedBy(10).toMillis(), null);
        var rateLimited = new RateLimitedJWKSetSource<>(lastKeysThroughOutages,
                properties.minRefreshInterval().toMillis(), null);
        this.keySets = new CachingJWKSetSource<>(rateLimited, properties.cacheTtl().toMillis(),
                JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, null);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = System.currentTimeMillis();
        JWKSet inHand = keySets.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> matches = selector.select(inHand);
        if (!matches.isEmpty()) {
            return matches;
        }
        try {
            JWKSet refreshed = keySets.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(inHand), now, context);
            return selector.select(refreshed);
        }
        catch (KeySourceException rateLimitedOrUnreachable) {
            return List.of();
        }
    }
}
