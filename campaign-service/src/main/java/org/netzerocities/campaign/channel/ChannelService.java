package org.netzerocities.campaign.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.netzerocities.campaign.audience.Citizen;
import org.netzerocities.campaign.channel.ChannelRequests.NewChannel;
import org.netzerocities.campaign.channel.ChannelRequests.NewCredential;
import org.netzerocities.campaign.channel.ChannelRequests.TeamAppointment;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Admins create channels and appoint their teams; admins and a channel's leadership team store its Instagram
 * credential. Changes save the channel under its version and, losing a race, read it again.
 */
@Service
class ChannelService {

    private static final Logger log = LoggerFactory.getLogger(ChannelService.class);
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** How long a long-lived Instagram token lives: the expiry assumed when none is given. */
    static final Duration TOKEN_LIFE = Duration.ofDays(60);
    private static final Duration MAX_TOKEN_LIFE = Duration.ofDays(366);

    private final MongoTemplate mongo;
    private final CredentialCipher cipher;
    private final EventFactory events;
    private final Clock clock;

    ChannelService(MongoTemplate mongo, CredentialCipher cipher, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws ApiProblem 403 unless an admin, 400 for an unknown language or a cadence out of range, 409 when the
     *                    city (or the main channel) has its channel already
     */
    Channel create(NewChannel body, Caller caller) {
        requireAdmin(caller);
        if (!LANGUAGES.contains(body.language())) {
            throw ApiProblem.invalid("language", "is not an ISO 639-1 language code");
        }
        Period cadence;
        try {
            cadence = Cadence.parse(body.cadence());
        }
        catch (IllegalArgumentException ex) {
            throw ApiProblem.invalid("cadence", ex.getMessage());
        }
        Channel channel = Channel.create(UUID.randomUUID().toString(), body.city(), body.language(),
                body.instagramAccountId(), cadence, now(), events);
        try {
            channel = mongo.insert(channel);
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("channel-exists", "There is a channel " + channel.handle() + " already");
        }
        log.info("Channel {} ({}) created by member {}", channel.id(), channel.handle(), caller.memberId());
        return channel;
    }

    /** @throws ApiProblem 404 unknown */
    Channel get(String id) {
        Channel channel = mongo.findById(id, Channel.class);
        if (channel == null) {
            throw ApiProblem.notFound("Channel " + id);
        }
        return channel;
    }

    /** Every channel, the main one first (its city is null), then by handle; read without their outbox. */
    List<Channel> all() {
        Query query = new Query().with(Sort.by(Channel.CITY, Channel.HANDLE));
        query.fields().exclude(OutboxAggregate.OUTBOX_FIELD);
        return mongo.find(query, Channel.class);
    }

    /**
     * Appoints a member campaign-service knows (from their MemberJoined) to one of the channel's teams; appointing
     * again changes nothing.
     *
     * @throws ApiProblem 403 unless an admin, 404 unknown channel, 400 unknown member, 409 on the other team or a
     *                    full team
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    Channel appoint(String id, TeamAppointment body, Caller caller) {
        requireAdmin(caller);
        Channel channel = get(id);
        if (!mongo.exists(Query.query(Criteria.where("_id").is(body.memberId())), Citizen.class)) {
            throw ApiProblem.invalid("memberId", "is not a member known to campaigns");
        }
        if (channel.appoint(body.memberId(), body.role(), events)) {
            channel = mongo.save(channel);
            log.info("Member {} appointed to {} of channel {} by member {}", body.memberId(), body.role(), id,
                    caller.memberId());
        }
        return channel;
    }

    /**
     * Removes a member from one of the channel's teams.
     *
     * @throws ApiProblem 403 unless an admin, 404 unknown channel or a member not on that team
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    void remove(String id, String memberId, TeamRole role, Caller caller) {
        requireAdmin(caller);
        Channel channel = get(id);
        if (!channel.remove(memberId, role, events)) {
            throw ApiProblem.notFound("That member on the " + role + " of channel " + id);
        }
        mongo.save(channel);
        log.info("Member {} removed from {} of channel {} by member {}", memberId, role, id, caller.memberId());
    }

    /**
     * Stores the channel's access token, encrypted, replacing any earlier one.
     *
     * @throws ApiProblem 404 unknown channel, 403 neither an admin nor on its leadership team, 400 an expiry not in
     *                    the future or more than a year away
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    Channel storeCredential(String id, NewCredential body, Caller caller) {
        Channel channel = get(id);
        if (!caller.isAdmin() && !channel.isLeadership(caller.memberId())) {
            throw ApiProblem.forbidden("Only admins and the channel's leadership team store its credential");
        }
        Instant now = now();
        Instant expiresAt = body.expiresAt() != null ? body.expiresAt().truncatedTo(ChronoUnit.MILLIS)
                : now.plus(TOKEN_LIFE);
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_TOKEN_LIFE))) {
            throw ApiProblem.invalid("expiresAt", "must be in the future, within a year");
        }
        channel.storeCredential(cipher.encrypt(body.accessToken(), id), expiresAt, now);
        channel = mongo.save(channel);
        log.info("Credential of channel {} stored by member {}, expires at {}", id, caller.memberId(), expiresAt);
        return channel;
    }

    /** The member's appointments, for their data export. */
    List<Map<String, Object>> export(String memberId) {
        return mongo.find(onAnyTeam(memberId), Channel.class).stream()
                .flatMap(channel -> appointments(channel, memberId).stream()).toList();
    }

    /**
     * Takes an erased member off every team. No ChannelTeamChanged goes out: MemberErased already tells every
     * consumer, and an event naming the erased member would only spread their id again. Idempotent.
     */
    void forget(String memberId) {
        long changed = mongo.updateMulti(onAnyTeam(memberId), new Update().pull(Channel.LEADERSHIP_IDS, memberId)
                .pull(Channel.STEERING_IDS, memberId).inc(Channel.VERSION, 1), Channel.class).getModifiedCount();
        if (changed > 0) {
            log.info("Erased member {} taken off the teams of {} channels", memberId, changed);
        }
    }

    private static Query onAnyTeam(String memberId) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where(Channel.LEADERSHIP_IDS).is(memberId),
                Criteria.where(Channel.STEERING_IDS).is(memberId)));
        query.fields().exclude(OutboxAggregate.OUTBOX_FIELD, Credential.FIELD);
        return query;
    }

    private static List<Map<String, Object>> appointments(Channel channel, String memberId) {
        return Stream.of(TeamRole.values())
                .filter(role -> role == TeamRole.LEADERSHIP_TEAM ? channel.view().isLeadership(memberId)
                        : channel.view().isSteering(memberId))
                .map(role -> Map.<String, Object>of("channelId", channel.id(), "handle", channel.handle(),
                        "role", role.name()))
                .toList();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only admins manage channels and their teams");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
