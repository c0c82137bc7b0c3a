package org.netzerocities.community.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nzc.identity.sessions.*}: how long a login lasts.
 *
 * @param refreshTokenTtl how long a refresh token is valid; each refresh replaces it with one valid as long again,
 *                        so a session lasts while it is refreshed at least this often
 * @param concurrentUseWindow an exchanged refresh token presented again within this time of its exchange is
 *                        refused without ending the session: a client's requests racing each other, not a copy
 * @param purgeInterval   how often ended sessions and spent refresh tokens are removed where no TTL index does it
 */
@ConfigurationProperties("nzc.identity.sessions")
public record SessionProperties(Duration refreshTokenTtl, Duration concurrentUseWindow, Duration purgeInterval) {
}
