package org.netzerocities.campaign.channel;

import java.time.Instant;

/**
 * A channel's Instagram access token, encrypted ({@link CredentialCipher}), with what the refresh job needs:
 * {@code refreshingUntil} is the lease of the instance refreshing it, {@code warnedFor} the expiry its teams were
 * last warned of (ChannelCredentialExpiring goes out once per expiry).
 */
record Credential(String ciphertext, Instant expiresAt, Instant updatedAt, Instant refreshingUntil,
        Instant warnedFor) {

    static final String FIELD = "credential";
    static final String EXPIRES_AT = FIELD + ".expiresAt";
    static final String REFRESHING_UNTIL = FIELD + ".refreshingUntil";
    static final String WARNED_FOR = FIELD + ".warnedFor";

    static Credential stored(String ciphertext, Instant expiresAt, Instant now) {
        return new Credential(ciphertext, expiresAt, now, null, null);
    }
}
