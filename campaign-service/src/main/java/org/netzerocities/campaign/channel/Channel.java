package org.netzerocities.campaign.channel;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.campaign.channel.Channels.ChannelStatus;
import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.ChannelCreated;
import org.netzerocities.events.contract.campaign.ChannelCredentialExpiring;
import org.netzerocities.events.contract.campaign.ChannelDormant;
import org.netzerocities.events.contract.campaign.ChannelTeamChanged;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An engagement channel: one Instagram account (the main NZCommunities one or a city's), its two teams, its
 * posting cadence and health, and its encrypted credential. Its events leave from its own outbox, so consumers
 * read ChannelCreated before any change of it. {@code handleKey} is unique: one channel per city and one main
 * channel, on any number of instances. Changes made from a request save it under its {@link #version}; the jobs
 * change it with updates conditional on that version.
 */
@Document(Channel.COLLECTION)
class Channel implements OutboxAggregate {

    static final String COLLECTION = "channels";
    static final String HANDLE_KEY = "handleKey";
    static final String CITY = "city";
    static final String HANDLE = "handle";
    static final String STATUS = "status";
    static final String LAST_PUBLISHED_AT = "lastPublishedAt";
    static final String LAST_POST_ID = "lastPostId";
    static final String DORMANT_SINCE = "dormantSince";
    static final String LEADERSHIP_IDS = "leadershipIds";
    static final String STEERING_IDS = "steeringIds";
    static final String VERSION = "version";
    /** Appointments per team: a team is a handful of people, and the document stays small. */
    static final int MAX_TEAM = 50;

    @Id
    private final String id;
    private final String handle;
    @Indexed(unique = true)
    private final String handleKey;
    private final String city;
    private final String language;
    private final String instagramAccountId;
    private final String cadence;
    private List<String> leadershipIds;
    private List<String> steeringIds;
    private ChannelStatus status;
    private Instant lastPublishedAt;
    private String lastPostId;
    private Instant dormantSince;
    private Credential credential;
    private final Instant createdAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Channel(String id, String handle, String handleKey, String city, String language, String instagramAccountId,
            String cadence, List<String> leadershipIds, List<String> steeringIds, ChannelStatus status,
            Instant lastPublishedAt, String lastPostId, Instant dormantSince, Credential credential,
            Instant createdAt, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.handle = handle;
        this.handleKey = handleKey;
        this.city = city;
        this.language = language;
        this.instagramAccountId = instagramAccountId;
        this.cadence = cadence;
        this.leadershipIds = leadershipIds == null ? new ArrayList<>() : new ArrayList<>(leadershipIds);
        this.steeringIds = steeringIds == null ? new ArrayList<>() : new ArrayList<>(steeringIds);
        this.status = status;
        this.lastPublishedAt = lastPublishedAt;
        this.lastPostId = lastPostId;
        this.dormantSince = dormantSince;
        this.credential = credential;
        this.createdAt = createdAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new active channel, announced with ChannelCreated; {@code city} null for the main channel. */
    static Channel create(String id, String city, String language, String instagramAccountId, Period cadence,
            Instant now, EventFactory events) {
        String handle = ChannelHandles.handleFor(city);
        Channel channel = new Channel(id, handle, ChannelHandles.key(handle), city, language, instagramAccountId,
                cadence.toString(), List.of(), List.of(), ChannelStatus.ACTIVE, null, null, null, null, now, null,
                List.of());
        channel.outbox.add(events.create(EventCatalog.CHANNEL_CREATED, id,
                new ChannelCreated(id, handle, city, language, now)));
        return channel;
    }

    /**
     * Appoints the member to the team (ChannelTeamChanged APPOINTED).
     *
     * @return false when they were appointed already
     * @throws ApiProblem 409 when they sit on the other team (who drafts does not approve), or the team is full
     */
    boolean appoint(String memberId, TeamRole role, EventFactory events) {
        if (team(role).contains(memberId)) {
            return false;
        }
        TeamRole other = role == TeamRole.LEADERSHIP_TEAM ? TeamRole.STEERING_COMMITTEE : TeamRole.LEADERSHIP_TEAM;
        if (team(other).contains(memberId)) {
            throw ApiProblem.conflict("in-other-team", "This member is on the channel's " + other
                    + ": who drafts posts does not approve them; remove them there first");
        }
        if (team(role).size() >= MAX_TEAM) {
            throw ApiProblem.conflict("team-full", "A team has at most " + MAX_TEAM + " members");
        }
        team(role).add(memberId);
        announceTeamChange(memberId, role, "APPOINTED", events);
        return true;
    }

    /**
     * Removes the member from the team (ChannelTeamChanged REMOVED).
     *
     * @return false when they were not on it
     */
    boolean remove(String memberId, TeamRole role, EventFactory events) {
        if (!team(role).remove(memberId)) {
            return false;
        }
        announceTeamChange(memberId, role, "REMOVED", events);
        return true;
    }

    void storeCredential(String ciphertext, Instant expiresAt, Instant now) {
        credential = Credential.stored(ciphertext, expiresAt, now);
    }

    /** ChannelDormant with the teams as they are, for the dormancy job to store with its claim. */
    PendingEvent dormantEvent(EventFactory events) {
        return events.create(EventCatalog.CHANNEL_DORMANT, id, new ChannelDormant(id, handle, city, lastPublishedAt,
                cadence, List.copyOf(leadershipIds), List.copyOf(steeringIds)));
    }

    /** ChannelCredentialExpiring for the credential's current expiry, for the refresh job to store with its claim. */
    PendingEvent credentialExpiringEvent(String reason, EventFactory events) {
        return events.create(EventCatalog.CHANNEL_CREDENTIAL_EXPIRING, id, new ChannelCredentialExpiring(id, handle,
                credential.expiresAt(), reason, List.copyOf(leadershipIds), List.copyOf(steeringIds)));
    }

    boolean isOnTeam(String memberId) {
        return leadershipIds.contains(memberId) || steeringIds.contains(memberId);
    }

    boolean isLeadership(String memberId) {
        return leadershipIds.contains(memberId);
    }

    ChannelView view() {
        return new ChannelView(id, handle, city, language, List.copyOf(leadershipIds), List.copyOf(steeringIds),
                cadence(), status, lastPublishedAt);
    }

    String id() {
        return id;
    }

    String handle() {
        return handle;
    }

    String city() {
        return city;
    }

    String instagramAccountId() {
        return instagramAccountId;
    }

    Period cadence() {
        return Period.parse(cadence);
    }

    ChannelStatus status() {
        return status;
    }

    Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    Instant dormantSince() {
        return dormantSince;
    }

    Credential credential() {
        return credential;
    }

    Instant createdAt() {
        return createdAt;
    }

    Long version() {
        return version;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    private List<String> team(TeamRole role) {
        return role == TeamRole.LEADERSHIP_TEAM ? leadershipIds : steeringIds;
    }

    private void announceTeamChange(String memberId, TeamRole role, String change, EventFactory events) {
        outbox.add(events.create(EventCatalog.CHANNEL_TEAM_CHANGED, id,
                new ChannelTeamChanged(id, handle, memberId, role.name(), change)));
    }
}
