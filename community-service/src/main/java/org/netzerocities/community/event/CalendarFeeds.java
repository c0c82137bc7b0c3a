package org.netzerocities.community.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Members' private calendar feeds: a secret URL per member that calendar apps poll without a bearer token. The
 * token is an HMAC, under a service secret, of the member id and a random 128-bit nonce: only the nonce and the
 * token's SHA-256 are stored, so the database alone yields no usable URL, while the member can be shown their
 * URL again. Rotating draws a new nonce, which revokes the old URL at once.
 */
@Component
class CalendarFeeds {

    static final String COLLECTION = "calendar_feeds";
    private static final String KEY_COLLECTION = "calendar_feed_keys";
    private static final String KEY_ID = "feed-token-key";
    /** What a token looks like (43 base64url characters): anything else is refused without a lookup. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Logger log = LoggerFactory.getLogger(CalendarFeeds.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    CalendarFeeds(MongoTemplate mongo, Clock clock, EventProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.key = properties.feedKey() == null || properties.feedKey().isBlank() ? storedKey()
                : Base64.getDecoder().decode(properties.feedKey());
        if (key.length < 32) {
            throw new IllegalStateException("nzc.community.events.feed-key must hold at least 32 bytes");
        }
    }

    /** The member's feed token, issued now if they have none. */
    String tokenOf(String memberId) {
        Feed feed = mongo.findById(memberId, Feed.class);
        if (feed == null) {
            try {
                feed = mongo.insert(newFeed(memberId));
                log.info("Calendar feed issued to member {}", memberId);
            }
            catch (DuplicateKeyException issuedMeanwhile) {
                feed = mongo.findById(memberId, Feed.class);
            }
        }
        return token(memberId, feed.nonce());
    }

    /** Revokes the member's feed URL and issues a new one. */
    String rotate(String memberId) {
        Feed feed = mongo.save(newFeed(memberId));
        log.info("Calendar feed of member {} rotated", memberId);
        return token(memberId, feed.nonce());
    }

    /** The member a token belongs to, while it is their current one. */
    Optional<String> memberOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Feed feed = mongo.findOne(Query.query(Criteria.where(Feed.TOKEN_HASH).is(hash(token))), Feed.class);
        return Optional.ofNullable(feed).map(Feed::memberId);
    }

    Optional<Instant> issuedAt(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Feed.class)).map(Feed::issuedAt);
    }

    void forget(String memberId) {
        if (mongo.remove(Query.query(Criteria.where("_id").is(memberId)), Feed.class).getDeletedCount() > 0) {
            log.info("Calendar feed of erased member {} removed", memberId);
        }
    }

    private Feed newFeed(String memberId) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return new Feed(memberId, encoded, hash(token(memberId, encoded)),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private String token(String memberId, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((memberId + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /** Generated by the first instance that needs it, so that every instance derives the same tokens. */
    private byte[] storedKey() {
        Document stored = mongo.findById(KEY_ID, Document.class, KEY_COLLECTION);
        if (stored == null) {
            byte[] generated = new byte[32];
            random.nextBytes(generated);
            try {
                stored = mongo.insert(new Document("_id", KEY_ID)
                        .append("key", Base64.getEncoder().encodeToString(generated)), KEY_COLLECTION);
            }
            catch (DuplicateKeyException generatedMeanwhile) {
                stored = mongo.findById(KEY_ID, Document.class, KEY_COLLECTION);
            }
        }
        return Base64.getDecoder().decode(stored.getString("key"));
    }

    /** One per member ({@code _id}); the token hash is unique so a token names one member at most. */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record Feed(@Id String memberId, String nonce, @Indexed(unique = true) String tokenHash, Instant issuedAt) {

        static final String TOKEN_HASH = "tokenHash";
    }
}
