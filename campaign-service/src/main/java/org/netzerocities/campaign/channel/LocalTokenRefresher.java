package org.netzerocities.campaign.channel;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default, where no Graph API is configured (posts go to the local publisher): tokens are not
 * refreshed, which is said once in the log. Tokens are still watched: the refresh job warns a channel's teams ahead
 * of expiry, as it would when refreshing failed, so nobody is surprised by a dead token once the Graph API is on.
 */
class LocalTokenRefresher implements TokenRefresher {

    private static final Logger log = LoggerFactory.getLogger(LocalTokenRefresher.class);

    private final AtomicBoolean said = new AtomicBoolean();

    @Override
    public Optional<RefreshedToken> refresh(String accessToken) {
        if (!said.getAndSet(true)) {
            log.info("Instagram tokens are not refreshed: no nzc.campaigns.graph.base-url is configured");
        }
        return Optional.empty();
    }
}
