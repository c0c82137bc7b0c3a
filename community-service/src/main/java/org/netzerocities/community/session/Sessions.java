package org.netzerocities.community.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Members' sessions and their rotating refresh tokens. A refresh token is 256 random bits, stored only as its
 * SHA-256; each one is exchanged once for the next (rotation). An exchanged token presented again means that two
 * parties hold the family (a stolen copy, or a client that kept an old one): the session ends, and with it the
 * tokens of both; only within a moment of its exchange is it merely refused, as the loser of a race between two
 * requests of one client sending it at once. Every step is a single write on one document, found by {@code _id}; two presentations of one
 * token at once are decided by one conditional update, so exactly one of them gets the next token, on any number
 * of instances.
 *
 * <p>This class knows sessions, not members: whether the member may still continue a session (not erased, not
 * suspended, the session not voided since) is asked of the caller of {@link #rotate}.
 */
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final int TOKEN_BYTES = 32;

    private final MongoTemplate mongo;
    private final SessionProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(MongoTemplate mongo, SessionProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a session at a login: its record and its first refresh token. */
    public IssuedSession start(String memberId, String userAgent) {
        Instant now = now();
        Session session = mongo.insert(new Session(UUID.randomUUID().toString(), memberId, Session.device(userAgent),
                now, now, now.plus(properties.refreshTokenTtl())));
        log.info("Session {} of member {} started", session.id(), memberId);
        return issue(session, now);
    }

    /**
     * Exchanges a refresh token for the next one of its session.
     *
     * @param holder the member who may continue the session, if any (given the session, its member and start)
     * @return the holder and the session with its new refresh token; empty for a token that is unknown, expired,
     *         already exchanged (which ends its session) or exchanged at this moment by another request, for an
     *         ended session, and when {@code holder} finds nobody
     */
    public <M> Optional<Renewed<M>> rotate(String refreshToken, Function<Session, Optional<M>> holder) {
        Instant now = now();
        RefreshToken presented = mongo.findById(hash(refreshToken), RefreshToken.class);
        if (presented == null || presented.isExpired(now)) {
            return Optional.empty();
        }
        if (presented.wasRotated()) {
            if (presented.rotatedWithin(properties.concurrentUseWindow(), now)) {
                // a request sent together with the one that exchanged it (two tabs refreshing at once): refused alone
                return Optional.empty();
            }
            if (endSession(presented.sessionId())) {
                log.warn("Refresh token of session {} of member {} presented again after its exchange: session ended",
                        presented.sessionId(), presented.memberId());
            }
            return Optional.empty();
        }
        Session session = mongo.findById(presented.sessionId(), Session.class);
        if (session == null || !session.isActive(now)) {
            return Optional.empty();
        }
        Optional<M> member = holder.apply(session);
        if (member.isEmpty()) {
            log.info("Session {} of member {} not renewed: the member may no longer continue it", session.id(),
                    session.memberId());
            return Optional.empty();
        }
        Query unexchanged = Query.query(Criteria.where("_id").is(presented.id()).and(RefreshToken.ROTATED_AT).is(null));
        if (mongo.updateFirst(unexchanged, Update.update(RefreshToken.ROTATED_AT, now), RefreshToken.class)
                .getMatchedCount() == 0) {
            // another request exchanged the token since it was read: that one continues the session
            return Optional.empty();
        }
        Instant expiresAt = now.plus(properties.refreshTokenTtl());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(session.id())),
                new Update().set(Session.LAST_USED_AT, now).set(Session.EXPIRES_AT, expiresAt), Session.class);
        log.info("Session {} of member {} renewed", session.id(), session.memberId());
        return Optional.of(new Renewed<>(member.get(), issue(session, now)));
    }

    /** Ends the session of a refresh token, whether it is the current one or an exchanged one; else nothing. */
    public void endByToken(String refreshToken) {
        RefreshToken presented = mongo.findById(hash(refreshToken), RefreshToken.class);
        if (presented != null && endSession(presented.sessionId())) {
            log.info("Session {} of member {} ended by log-out", presented.sessionId(), presented.memberId());
        }
    }

    /**
     * Ends one of the member's sessions.
     *
     * @return false when the member has no such session (another member's included)
     */
    public boolean end(String memberId, String sessionId) {
        boolean ended = mongo.remove(Query.query(Criteria.where("_id").is(sessionId).and(Session.MEMBER_ID).is(memberId)),
                Session.class).getDeletedCount() > 0;
        if (ended) {
            log.info("Session {} of member {} ended by the member", sessionId, memberId);
        }
        return ended;
    }

    /**
     * The member's sessions that can still be renewed, the most recently used first: one query.
     *
     * @param validAfter sessions started before it are void; {@code null}: none is
     */
    public List<Session> active(String memberId, Instant validAfter) {
        Criteria criteria = Criteria.where(Session.MEMBER_ID).is(memberId).and(Session.EXPIRES_AT).gt(now());
        if (validAfter != null) {
            criteria = criteria.and(Session.CREATED_AT).gte(validAfter);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, Session.LAST_USED_AT)),
                Session.class);
    }

    /** Every session record of the member, oldest first, for their data export. */
    List<Session> export(String memberId) {
        return mongo.find(Query.query(Criteria.where(Session.MEMBER_ID).is(memberId))
                .with(Sort.by(Session.CREATED_AT)), Session.class);
    }

    /** Drops an erased member's sessions and refresh tokens (again: nothing changes). */
    void forget(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where(Session.MEMBER_ID).is(memberId)), Session.class)
                .getDeletedCount();
        mongo.remove(Query.query(Criteria.where(RefreshToken.MEMBER_ID).is(memberId)), RefreshToken.class);
        if (removed > 0) {
            log.info("Removed {} sessions of erased member {}", removed, memberId);
        }
    }

    /**
     * Removes expired sessions and refresh tokens, as a real MongoDB's TTL indexes do by themselves and the embedded
     * server never does: one pass over each collection. Running it on several instances at once removes nothing
     * twice.
     */
    public long purge(Instant now) {
        long removed = mongo.remove(Query.query(Criteria.where(Session.EXPIRES_AT).lte(now)), Session.class)
                .getDeletedCount()
                + mongo.remove(Query.query(Criteria.where(RefreshToken.EXPIRES_AT).lte(now)), RefreshToken.class)
                        .getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} expired sessions and refresh tokens", removed);
        }
        return removed;
    }

    private IssuedSession issue(Session session, Instant now) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        mongo.insert(new RefreshToken(hash(token), session.id(), session.memberId(), now,
                now.plus(properties.refreshTokenTtl()), null));
        return new IssuedSession(session.id(), token, properties.refreshTokenTtl().toSeconds());
    }

    private boolean endSession(String sessionId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(sessionId)), Session.class).getDeletedCount() > 0;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JVM has SHA-256", ex);
        }
    }

    /** Millisecond precision: what MongoDB stores, so that a session's start compares as it was written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A renewed session: who continues it and its new refresh token. */
    public record Renewed<M>(M holder, IssuedSession session) {
    }
}
