package org.netzerocities.community.session;

/**
 * What a client gets at a login or a refresh: the session and its refresh token (the only copy of the token).
 *
 * @param refreshExpiresIn seconds until the refresh token expires
 */
public record IssuedSession(String sessionId, String refreshToken, long refreshExpiresIn) {
}
