package org.netzerocities.campaign.channel;

import java.time.Instant;
import java.util.Optional;

/** Exchanges a channel's long-lived access token, still valid, for a new one with a new 60-day life. */
interface TokenRefresher {

    /**
     * @return the new token, or empty when this deployment cannot refresh tokens (no Graph API configured)
     * @throws RefreshFailedException when the API refused or could not be reached
     */
    Optional<RefreshedToken> refresh(String accessToken);

    record RefreshedToken(String accessToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "RefreshedToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** Why a refresh failed, in words that never contain the token. */
    class RefreshFailedException extends RuntimeException {

        RefreshFailedException(String reason) {
            super(reason);
        }
    }
}
