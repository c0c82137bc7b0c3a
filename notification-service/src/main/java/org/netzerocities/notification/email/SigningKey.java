package org.netzerocities.notification.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The secret behind unsubscribe tokens and the marks of failing addresses: {@code NZC_NOTIFICATION_UNSUBSCRIBE_KEY}
 * when set, else a random key that the first instance inserts once in the database (the unique {@code _id} settles
 * a race) and every instance and restart then reads, so no secret lives in the repository and links keep working.
 */
@Component
class SigningKey {

    static final String COLLECTION = "email_keys";
    private static final String ID = "unsubscribe";

    private final MongoTemplate mongo;
    private final String configured;
    private volatile byte[] key;

    SigningKey(MongoTemplate mongo, EmailSettings settings) {
        this.mongo = mongo;
        this.configured = settings.unsubscribeKey();
    }

    /** HMAC-SHA256 of the parts, separated so that ("ab", "c") and ("a", "bc") differ. */
    byte[] mac(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            for (String part : parts) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return mac.doFinal();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
                    : storedKey();
            key = known;
        }
        return known;
    }

    private byte[] storedKey() {
        Document stored = mongo.findById(ID, Document.class, COLLECTION);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new Document("_id", ID).append("key", Base64.getEncoder().encodeToString(fresh)),
                        COLLECTION);
                return fresh;
            }
            catch (DuplicateKeyException anotherInstanceWasFirst) {
                stored = mongo.findById(ID, Document.class, COLLECTION);
            }
        }
        return Base64.getDecoder().decode(stored.getString("key"));
    }
}
