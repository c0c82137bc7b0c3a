package org.netzerocities.campaign.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.netzerocities.campaign.channel.TokenRefresher.RefreshFailedException;
import org.netzerocities.campaign.channel.TokenRefresher.RefreshedToken;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps channels' long-lived tokens alive: each look ({@code scan-interval}) finds the credentials expiring within
 * the window and refreshes them ahead of expiry; when that is impossible (the API refused, no Graph API here, the
 * token expired already or cannot be decrypted with this key) the channel's teams get ChannelCredentialExpiring,
 * once per expiry. With several instances a token is refreshed by the one that claims it (a lease set by an update
 * conditional on no live lease and on the expiry it read) and the warning is stored with an update conditional on
 * the expiry not being warned of yet: neither happens twice. Every update raises the channel's version, so a
 * request saving the channel meanwhile reads it again rather than undo the job's work.
 */
class CredentialRefresh {

    private static final Logger log = LoggerFactory.getLogger(CredentialRefresh.class);

    private final MongoTemplate mongo;
    private final CredentialCipher cipher;
    private final TokenRefresher refresher;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final ChannelProperties properties;

    CredentialRefresh(MongoTemplate mongo, CredentialCipher cipher, TokenRefresher refresher, EventFactory events,
            OutboxRelay relay, Clock clock, ChannelProperties properties) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.refresher = refresher;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
        this.properties = properties;
    }

    /** Refreshes, or warns about, the credentials due; returns how many tokens this instance refreshed. */
    int refreshDue() {
        Instant now = now();
        Query due = Query.query(Criteria.where(Credential.EXPIRES_AT).lte(now.plus(properties.refreshWindow())));
        due.fields().exclude(OutboxAggregate.OUTBOX_FIELD);
        int refreshed = 0;
        for (Channel channel : mongo.find(due, Channel.class)) {
            if (renew(channel, now)) {
                refreshed++;
            }
        }
        return refreshed;
    }

    private boolean renew(Channel channel, Instant now) {
        Credential credential = channel.credential();
        RefreshWindow window = RefreshWindow.of(credential.expiresAt(), now, properties.refreshWindow());
        if (window == RefreshWindow.EXPIRED) {
            warn(channel.id(), credential.expiresAt(), "expired");
        }
        if (window != RefreshWindow.REFRESH) {
            return false;
        }
        Optional<String> token = cipher.decrypt(credential.ciphertext(), channel.id());
        if (token.isEmpty()) {
            warn(channel.id(), credential.expiresAt(), "unreadable");
            return false;
        }
        Instant lease = now.plus(properties.refreshLease());
        if (!claim(channel.id(), credential.expiresAt(), lease, now)) {
            return false;
        }
        try {
            Optional<RefreshedToken> refreshed = refresher.refresh(token.get());
            if (refreshed.isEmpty()) {
                warn(channel.id(), credential.expiresAt(), "refresh-unavailable");
                return false;
            }
            return store(channel.id(), credential.expiresAt(), lease, refreshed.get(), now);
        }
        catch (RefreshFailedException ex) {
            // the lease stays until it runs out: the next attempt, on any instance, waits that long
            log.warn("Credential of channel {} could not be refreshed: {}", channel.id(), ex.getMessage());
            warn(channel.id(), credential.expiresAt(), "refresh-failed");
            return false;
        }
    }

    /** Takes the lease on the credential expiring at {@code expiresAt}, unless another instance holds a live one. */
    private boolean claim(String channelId, Instant expiresAt, Instant lease, Instant now) {
        Query free = Query.query(Criteria.where("_id").is(channelId).and(Credential.EXPIRES_AT).is(expiresAt)
                .orOperator(Criteria.where(Credential.REFRESHING_UNTIL).is(null),
                        Criteria.where(Credential.REFRESHING_UNTIL).lte(now)));
        return mongo.updateFirst(free, new Update().set(Credential.REFRESHING_UNTIL, lease).inc(Channel.VERSION, 1),
                Channel.class).getModifiedCount() == 1;
    }

    /** Stores the new token, unless the credential was replaced meanwhile (a new token stored by its team). */
    private boolean store(String channelId, Instant expiresAt, Instant lease, RefreshedToken refreshed, Instant now) {
        Query held = Query.query(Criteria.where("_id").is(channelId).and(Credential.EXPIRES_AT).is(expiresAt)
                .and(Credential.REFRESHING_UNTIL).is(lease));
        Credential renewed = Credential.stored(cipher.encrypt(refreshed.accessToken(), channelId),
                refreshed.expiresAt().truncatedTo(ChronoUnit.MILLIS), now);
        boolean stored = mongo.updateFirst(held, new Update().set(Credential.FIELD, renewed).inc(Channel.VERSION, 1),
                Channel.class).getModifiedCount() == 1;
        if (stored) {
            log.info("Credential of channel {} refreshed, expires at {}", channelId, renewed.expiresAt());
        }
        return stored;
    }

    /**
     * Tells the channel's teams, once for this expiry: the warning is stored with the channel read again, on the
     * condition that nothing changed it since (else the next look warns with the teams as they are then).
     */
    private void warn(String channelId, Instant expiresAt, String reason) {
        Query query = Query.query(Criteria.where("_id").is(channelId));
        query.fields().exclude(OutboxAggregate.OUTBOX_FIELD);
        Channel channel = mongo.findOne(query, Channel.class);
        if (channel == null || channel.credential() == null || !expiresAt.equals(channel.credential().expiresAt())
                || expiresAt.equals(channel.credential().warnedFor())) {
            return;
        }
        Query unwarned = Query.query(Criteria.where("_id").is(channelId).and(Channel.VERSION).is(channel.version())
                .and(Credential.EXPIRES_AT).is(expiresAt).and(Credential.WARNED_FOR).ne(expiresAt));
        Update warning = new Update().set(Credential.WARNED_FOR, expiresAt).inc(Channel.VERSION, 1)
                .push(OutboxAggregate.OUTBOX_FIELD, channel.credentialExpiringEvent(reason, events));
        if (mongo.updateFirst(unwarned, warning, Channel.class).getModifiedCount() == 1) {
            relay.wake(Channel.COLLECTION, channelId);
            log.info("Teams of channel {} warned that its credential expires at {} ({})", channelId, expiresAt,
                    reason);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
