package org.netzerocities.campaign.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.bson.Document;
import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.campaign.publishing.Publisher.Account;
import org.netzerocities.campaign.publishing.Publisher.ContainerStatus;
import org.netzerocities.campaign.publishing.Publisher.Published;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CampaignPostPublishFailed;
import org.netzerocities.events.contract.campaign.CampaignPostPublished;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes due posts exactly once, however many instances run. A post is claimed with one conditional update
 * (queued and due, or being published under a lease that expired → PUBLISHING, owned by this instance until its
 * lease ends); every later write is conditional on still owning it, so an instance that lost its claim changes
 * nothing. Before each step that reaches Instagram the previous step's result is stored: the container id once it
 * exists, the moment {@code media_publish} was requested before it is called. A post whose outcome is unknown (the
 * answer to media_publish lost, or its instance gone) keeps PUBLISHING and is reconciled by whoever claims it next
 * from its container's status: PUBLISHED means it went out (the media is looked up, not posted again), FINISHED
 * that it did not (the same container is published), EXPIRED that it never will (a new container), ERROR that it
 * never can (the post fails). Other permanent errors while the outcome is unknown (an expired token) leave it to be
 * reconciled again later: failing it would let it be queued and posted twice.
 * The outcome is stored with its event in the post's outbox: CampaignPostPublished or CampaignPostPublishFailed.
 */
class PublishScheduler {

    private static final Logger log = LoggerFactory.getLogger(PublishScheduler.class);
    /** Posts claimed per look; the next look takes the rest. */
    private static final int BATCH = 20;

    private final MongoTemplate mongo;
    private final Publisher publisher;
    private final Channels channels;
    private final EventFactory events;
    private final Consumer<String> wakeRelay;
    private final Clock clock;
    private final PublishingProperties settings;
    private final PublishingLimit limit;
    private final String owner = UUID.randomUUID().toString();

    PublishScheduler(MongoTemplate mongo, Publisher publisher, Channels channels, EventFactory events,
            Consumer<String> wakeRelay, Clock clock, PublishingProperties settings) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.channels = channels;
        this.events = events;
        this.wakeRelay = wakeRelay;
        this.clock = clock;
        this.settings = settings;
        this.limit = new PublishingLimit(settings.dailyLimit());
    }

    /** Publishes (or reconciles) the posts due now; returns how many this instance claimed. */
    int publishDue() {
        Instant now = now();
        Query due = new Query(claimable(now)).with(Sort.by(Publication.DUE_AT)).limit(BATCH);
        due.fields().include("_id");
        int claimed = 0;
        for (Document candidate : mongo.find(due, Document.class, Publication.COLLECTION)) {
            Publication publication = claim(candidate.getString("_id"), now);
            if (publication != null) {
                claimed++;
                process(publication);
            }
        }
        return claimed;
    }

    /** Queued and due, or being published under a lease that ran out (its instance died or gave it back). */
    private static Criteria claimable(Instant now) {
        return new Criteria().orOperator(
                Criteria.where(Publication.STATUS).is(PublicationStatus.SCHEDULED).and(Publication.DUE_AT).lte(now),
                Criteria.where(Publication.STATUS).is(PublicationStatus.PUBLISHING).and(Publication.LEASE_UNTIL)
                        .lte(now));
    }

    private Publication claim(String postId, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(postId)).addCriteria(claimable(now));
        Update claim = new Update().set(Publication.STATUS, PublicationStatus.PUBLISHING)
                .set(Publication.CLAIM_OWNER, owner).set(Publication.LEASE_UNTIL, now.plus(settings.lease()))
                .inc(Publication.VERSION, 1);
        Publication claimed = mongo.findAndModify(query, claim, FindAndModifyOptions.options().returnNew(true),
                Publication.class);
        if (claimed != null && claimed.publishRequestedAt() != null) {
            log.info("Post {} claimed with an unknown publish outcome (container {}): reconciling", postId,
                    claimed.containerId());
        }
        return claimed;
    }

    private void process(Publication publication) {
        Optional<ChannelView> channel = channels.channel(publication.channelId());
        Optional<Channels.AccessToken> token = channel.flatMap(found -> channels.accessToken(found.channelId()));
        try {
            if (token.isEmpty()) {
                throw PublishFailure.permanent(channel.isEmpty() ? "the channel no longer exists"
                        : "the channel has no usable Instagram credential; store a new token and queue the post again");
            }
            published(publication, publishOrReconcile(publication, Account.of(channel.get(), token.get())));
        }
        catch (PublishFailure failure) {
            if (failure.isPermanent() && (publication.publishRequestedAt() == null || failure.nothingPosted())) {
                failed(publication, failure.getMessage(), channel);
            }
            else {
                later(publication, failure);
            }
        }
        catch (ClaimLost lost) {
            log.info("Post {} was taken over by another instance after this one's lease ran out", publication.id());
        }
        catch (RuntimeException ex) {
            later(publication, PublishFailure.transientFailure(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
        }
    }

    private Published publishOrReconcile(Publication publication, Account account) {
        String container = publication.containerId();
        if (container == null) {
            container = publisher.createContainer(account, publication.post());
            owned(publication, new Update().set(Publication.CONTAINER_ID, container));
        }
        ContainerStatus status = publisher.awaitContainer(account, container);
        switch (status) {
            case PUBLISHED -> {
                log.info("Post {} had been published (container {}): recording it, not posting again",
                        publication.id(), container);
                Instant since = Optional.ofNullable(publication.publishRequestedAt()).orElse(Instant.EPOCH);
                return publisher.findPublished(account, container, publication.post().caption(), since)
                        .orElseGet(() -> new Published(null, "https://www.instagram.com/" + account.handle() + "/"));
            }
            case EXPIRED -> {
                // an expired container was never published: start again from a new one
                owned(publication, new Update().unset(Publication.CONTAINER_ID).unset(Publication.PUBLISH_REQUESTED_AT));
                throw PublishFailure.transientFailure("container " + container + " expired before it was published");
            }
            case IN_PROGRESS -> throw PublishFailure.transientFailure("Instagram is still processing the media");
            default -> {
                // FINISHED: ready, and not published (a media_publish whose answer was lost did not take effect)
            }
        }
        long publishedHere = mongo.count(Query.query(Criteria.where(Publication.CHANNEL_ID).is(publication.channelId())
                .and(Publication.STATUS).is(PublicationStatus.PUBLISHED)
                .and(Publication.PUBLISHED_AT).gt(now().minus(Duration.ofHours(24)))), Publication.class);
        if (!limit.allowsAnother(publishedHere, publisher.usage(account))) {
            throw PublishFailure.limitReached("the channel reached its limit of " + limit.perDay()
                    + " posts in 24 hours");
        }
        owned(publication, new Update().set(Publication.PUBLISH_REQUESTED_AT, now()));
        return publisher.publish(account, container);
    }

    /** A step's result, stored only while this instance still owns the claim, which it renews. */
    private void owned(Publication publication, Update update) {
        update.set(Publication.LEASE_UNTIL, now().plus(settings.lease()));
        if (mongo.updateFirst(ownedBy(publication), update.inc(Publication.VERSION, 1), Publication.class)
                .getModifiedCount() == 0) {
            throw new ClaimLost();
        }
    }

    private Query ownedBy(Publication publication) {
        return Query.query(Criteria.where("_id").is(publication.id())
                .and(Publication.STATUS).is(PublicationStatus.PUBLISHING).and(Publication.CLAIM_OWNER).is(owner));
    }

    private void published(Publication publication, Published published) {
        Instant now = now();
        PendingEvent event = events.create(EventCatalog.CAMPAIGN_POST_PUBLISHED, publication.id(),
                new CampaignPostPublished(publication.id(), publication.campaignId(), publication.channelId(), now,
                        published.permalink()));
        Update update = release().set(Publication.STATUS, PublicationStatus.PUBLISHED)
                .set(Publication.PUBLISHED_AT, now).set(Publication.PERMALINK, published.permalink())
                .set(Publication.MEDIA_ID, published.mediaId())
                .set(Publication.METRICS_DUE_AT, now.plus(settings.metricsInterval()))
                .push(OutboxAggregate.OUTBOX_FIELD, event);
        finish(publication, update, "published as " + published.permalink());
    }

    private void failed(Publication publication, String reason, Optional<ChannelView> channel) {
        PendingEvent event = events.create(EventCatalog.CAMPAIGN_POST_PUBLISH_FAILED, publication.id(),
                new CampaignPostPublishFailed(publication.id(), publication.campaignId(), publication.channelId(),
                        reason, channel.map(ChannelView::leadershipIds).orElse(List.of())));
        Update update = release().set(Publication.STATUS, PublicationStatus.FAILED)
                .set(Publication.FAILURE_REASON, reason).unset(Publication.CONTAINER_ID)
                .unset(Publication.PUBLISH_REQUESTED_AT).push(OutboxAggregate.OUTBOX_FIELD, event);
        finish(publication, update, "failed: " + reason);
    }

    /**
     * Tried again later with backoff. A post whose outcome is unknown keeps PUBLISHING with a short lease, so the
     * next claim reconciles it and nobody can move it meanwhile; one that never reached media_publish is queued
     * again, and fails for good after too many attempts.
     */
    private void later(Publication publication, PublishFailure failure) {
        boolean counts = failure.kind() != PublishFailure.Kind.LIMIT_REACHED;
        int attempts = publication.attempts() + (counts ? 1 : 0);
        Instant retryAt = now().plus(counts ? settings.backoff(attempts) : settings.retryMax());
        Update update = new Update().set(Publication.ATTEMPTS, attempts).set(Publication.LAST_ERROR, failure.getMessage())
                .unset(Publication.CLAIM_OWNER);
        // re-read: the steps above may have recorded a media_publish request since the claim
        Publication current = mongo.findById(publication.id(), Publication.class);
        if (current != null && current.publishRequestedAt() != null) {
            finish(publication, update.set(Publication.LEASE_UNTIL, retryAt),
                    "outcome unknown, reconciled after " + retryAt + ": " + failure.getMessage());
        }
        else if (counts && attempts >= settings.maxAttempts()) {
            failed(publication, "gave up after " + attempts + " attempts: " + failure.getMessage(),
                    channels.channel(publication.channelId()));
        }
        else {
            finish(publication, update.set(Publication.STATUS, PublicationStatus.SCHEDULED)
                    .set(Publication.DUE_AT, retryAt).unset(Publication.LEASE_UNTIL),
                    "tried again after " + retryAt + ": " + failure.getMessage());
        }
    }

    private static Update release() {
        return new Update().unset(Publication.CLAIM_OWNER).unset(Publication.LEASE_UNTIL)
                .unset(Publication.LAST_ERROR);
    }

    private void finish(Publication publication, Update update, String outcome) {
        if (mongo.updateFirst(ownedBy(publication), update.inc(Publication.VERSION, 1), Publication.class)
                .getModifiedCount() == 0) {
            log.info("Post {} was taken over by another instance; this one's outcome ({}) is dropped",
                    publication.id(), outcome);
            return;
        }
        wakeRelay.accept(publication.id());
        log.info("Post {} of channel {} {}", publication.id(), publication.channelId(), outcome);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** This instance's claim ran out and another instance took the post over: stop, write nothing more. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }
}
