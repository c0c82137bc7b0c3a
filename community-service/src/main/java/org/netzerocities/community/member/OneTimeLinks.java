package org.netzerocities.community.member;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One-time links of the account emails: 256 random bits, stored only as their SHA-256 (the lookup is by {@code _id},
 * and a database dump yields no usable link), each for one purpose, member and address, until it expires. A link is
 * used by one atomic conditional update ({@code usedAt} unset and not expired), so of two instances presented the
 * same link only one accepts it. The link itself carries the token in its fragment, which browsers never send to a
 * server: no access log records it.
 */
public class OneTimeLinks {

    private static final Logger log = LoggerFactory.getLogger(OneTimeLinks.class);
    /** 32 random bytes, base64url without padding. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** What a link lets its holder do, the portal page that handles it and how long it works. */
    public enum Purpose {
        EMAIL_VERIFICATION("verify-email"),
        PASSWORD_RESET("reset-password"),
        EMAIL_CHANGE("verify-email");

        private final String page;

        Purpose(String page) {
            this.page = page;
        }
    }

    /** A stored link: the address it was sent to is the one it proves. A TTL index removes it once expired. */
    @Document(StoredLink.COLLECTION)
    record StoredLink(@Id String hash, Purpose purpose, String memberId, String email,
            @Indexed(name = "expiry", expireAfter = "0s") Instant expiresAt, Instant usedAt) {

        static final String COLLECTION = "one_time_links";
    }

    /** @param url the link to email, with the secret token in its fragment */
    public record Issued(String url, Instant expiresAt) {
    }

    /** A link just used: for whom and which address it proves. */
    record Used(String hash, Purpose purpose, String memberId, String email, Instant usedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AccountProperties properties;
    private final SecureRandom random = new SecureRandom();

    OneTimeLinks(MongoTemplate mongo, Clock clock, AccountProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /** Stores a new link for {@code purpose}, proving {@code email} for the member. */
    Issued issue(Purpose purpose, String memberId, String email) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now().plus(lifetime(purpose));
        mongo.insert(new StoredLink(Sha256.hex(token), purpose, memberId, email, expiresAt, null));
        return new Issued(properties.portalBaseUrl().replaceAll("/+$", "") + "/" + purpose.page + "#token=" + token,
                expiresAt);
    }

    /**
     * Uses a link once, if it is one of {@code purposes}, unused and not expired. A token that is not even well
     * formed never reaches the database.
     */
    Optional<Used> use(String token, Set<Purpose> purposes) {
        if (token == null || !WELL_FORMED.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = now();
        Query usable = Query.query(Criteria.where("_id").is(Sha256.hex(token)).and("purpose").in(purposes)
                .and("usedAt").isNull().and("expiresAt").gt(now));
        StoredLink used = mongo.findAndModify(usable, Update.update("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), StoredLink.class);
        return Optional.ofNullable(used)
                .map(link -> new Used(link.hash(), link.purpose(), link.memberId(), link.email(), link.usedAt()));
    }

    /**
     * Makes a link usable again when what it was used for could not be done (the change was refused or failed), so
     * that a refused confirmation changes nothing. Only this use is undone, never a later one.
     */
    void release(Used used) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(used.hash()).and("usedAt").is(used.usedAt())),
                new Update().unset("usedAt"), StoredLink.class);
    }

    /** Forgets every link of an erased member: they hold addresses. One pass over the collection. */
    void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), StoredLink.class);
    }

    /** Removes expired links where TTL indexes expire nothing; a conditional delete, harmless on every instance. */
    long purgeExpired() {
        long removed = mongo.remove(Query.query(Criteria.where("expiresAt").lte(now())), StoredLink.class)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} expired one-time links", removed);
        }
        return removed;
    }

    private Duration lifetime(Purpose purpose) {
        return switch (purpose) {
            case EMAIL_VERIFICATION -> properties.verificationLifetime();
            case PASSWORD_RESET -> properties.passwordResetLifetime();
            case EMAIL_CHANGE -> properties.emailChangeLifetime();
        };
    }

    /** Millisecond precision: what MongoDB stores, so the release matches the use it undoes. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
