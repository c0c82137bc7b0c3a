package org.netzerocities.community.session;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One login on one device: the family of refresh tokens that replace each other from the login on. Ending the
 * session (log-out, the member ending it, a reused refresh token) removes this record, which voids every token of
 * the family at once.
 *
 * @param userAgent what the device said it was at the login, cleaned of control characters and shortened
 * @param expiresAt when the current refresh token expires; a real MongoDB removes the session then (TTL index)
 */
@Document(Session.COLLECTION)
public record Session(@Id String id, String memberId, String userAgent, Instant createdAt, Instant lastUsedAt,
        @Indexed(expireAfter = "0s") Instant expiresAt) {

    static final String COLLECTION = "sessions";
    static final String MEMBER_ID = "memberId";
    static final String CREATED_AT = "createdAt";
    static final String LAST_USED_AT = "lastUsedAt";
    static final String EXPIRES_AT = "expiresAt";
    /** Enough for any real browser's user agent; the rest of a longer one tells a member nothing more. */
    static final int USER_AGENT_LENGTH = 256;

    /** A user agent as it may be stored and shown: no control characters, at most {@value #USER_AGENT_LENGTH}. */
    static String device(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String printable = userAgent.replaceAll("\\p{Cntrl}", " ").strip();
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() <= USER_AGENT_LENGTH ? printable : printable.substring(0, USER_AGENT_LENGTH);
    }

    boolean isActive(Instant now) {
        return expiresAt.isAfter(now);
    }
}
