package org.netzerocities.notification.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * One-use, short-lived tickets that let a browser's EventSource, which cannot send an Authorization header, open
 * the member's stream. Only the ticket's SHA-256 is stored (a database dump yields no usable ticket), and a ticket
 * is redeemed by one atomic find-and-remove, so of two instances presented the same ticket only one accepts it.
 */
@Component
class StreamTickets {

    private static final Logger log = LoggerFactory.getLogger(StreamTickets.class);
    /** 32 random bytes, base64url without padding. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final MongoTemplate mongo;
    private final RefusedMembers refused;
    private final Clock clock;
    private final LiveProperties properties;
    private final SecureRandom random = new SecureRandom();

    StreamTickets(MongoTemplate mongo, RefusedMembers refused, Clock clock, LiveProperties properties) {
        this.mongo = mongo;
        this.refused = refused;
        this.clock = clock;
        this.properties = properties;
    }

    /** A stored ticket: its hash, whose stream it opens, until when (a TTL index removes it on MongoDB). */
    @Document("stream_tickets")
    record StoredTicket(@Id String hash, String memberId, @Indexed(name = "expiry", expireAfter = "0s")
            Instant expiresAt) {
    }

    /** @param ticket to pass as {@code ?ticket=} once, before {@code expiresAt} */
    record Issued(String ticket, Instant expiresAt) {
    }

    Issued issue(String memberId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = clock.instant().plus(properties.ticketLifetime());
        mongo.insert(new StoredTicket(hash(ticket), memberId, expiresAt));
        log.info("Stream ticket issued to member {}", memberId);
        return new Issued(ticket, expiresAt);
    }

    /** The member whose stream the ticket opens, once; empty for an unknown, used or expired ticket. */
    Optional<String> redeem(String ticket) {
        if (!WELL_FORMED.matcher(ticket).matches()) {
            return Optional.empty();
        }
        StoredTicket redeemed = mongo.findAndRemove(Query.query(Criteria.where("hash").is(hash(ticket))
                .and("expiresAt").gt(clock.instant())), StoredTicket.class);
        if (redeemed == null || refused.isRefused(redeemed.memberId())) {
            return Optional.empty();
        }
        return Optional.of(redeemed.memberId());
    }

    /** Removes expired tickets where TTL indexes expire nothing; a conditional delete, harmless on every instance. */
    void purgeExpired() {
        mongo.remove(Query.query(Criteria.where("expiresAt").lte(clock.instant())), StoredTicket.class);
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ticket.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
    }
}
