package org.netzerocities.community.session;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token issued in a session, known only by its SHA-256 (the token itself is never stored). A token
 * stays here after it was exchanged ({@code rotatedAt}) until it would have expired, so that its reuse, which
 * means someone else holds a copy, is recognised and ends the session.
 *
 * @param id the token's hash: a presented token is looked up by {@code _id}, never by a scan
 */
@Document(RefreshToken.COLLECTION)
record RefreshToken(@Id String id, String sessionId, String memberId, Instant issuedAt,
        @Indexed(expireAfter = "0s") Instant expiresAt, Instant rotatedAt) {

    static final String COLLECTION = "refresh_tokens";
    static final String MEMBER_ID = "memberId";
    static final String ROTATED_AT = "rotatedAt";
    static final String EXPIRES_AT = "expiresAt";

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    boolean wasRotated() {
        return rotatedAt != null;
    }

    boolean rotatedWithin(Duration window, Instant now) {
        return wasRotated() && now.isBefore(rotatedAt.plus(window));
    }
}
