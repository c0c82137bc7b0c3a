package org.netzerocities.campaign.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.campaign.publishing.Publications.PublicationView;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A post handed over for publishing, keyed by its post id, with its own outbox. Every change is one conditional
 * update on this document ({@link MongoPublications}, {@link PublishScheduler}): an instance publishes a post only
 * while it holds the claim ({@code claimOwner}, until {@code leaseUntil}); the container id and the moment
 * {@code media_publish} was requested are stored before the next step, so a post whose outcome is unknown is
 * reconciled from them instead of being posted again.
 */
@Document(Publication.COLLECTION)
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
@CompoundIndex(name = "lease", def = "{'status': 1, 'leaseUntil': 1}")
@CompoundIndex(name = "channel_published", def = "{'channelId': 1, 'publishedAt': 1}")
@CompoundIndex(name = "metrics_due", def = "{'status': 1, 'metricsDueAt': 1}")
class Publication implements OutboxAggregate {

    static final String COLLECTION = "publications";
    static final String CAMPAIGN_ID = "campaignId";
    static final String CHANNEL_ID = "channelId";
    static final String CAPTION = "caption";
    static final String MEDIA_KIND = "mediaKind";
    static final String MEDIA_URLS = "mediaUrls";
    static final String COLLABORATORS = "collaborators";
    static final String SCHEDULED_AT = "scheduledAt";
    static final String DUE_AT = "dueAt";
    static final String STATUS = "status";
    static final String CLAIM_OWNER = "claimOwner";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String CONTAINER_ID = "containerId";
    static final String PUBLISH_REQUESTED_AT = "publishRequestedAt";
    static final String ATTEMPTS = "attempts";
    static final String LAST_ERROR = "lastError";
    static final String MEDIA_ID = "mediaId";
    static final String PUBLISHED_AT = "publishedAt";
    static final String PERMALINK = "permalink";
    static final String FAILURE_REASON = "failureReason";
    static final String METRICS = "metrics";
    static final String METRICS_COLLECTED_AT = "metricsCollectedAt";
    static final String METRICS_DUE_AT = "metricsDueAt";
    static final String VERSION = "version";

    @Id
    private final String id;
    private final String campaignId;
    private final String channelId;
    private final String caption;
    private final MediaKind mediaKind;
    private final List<String> mediaUrls;
    private final List<String> collaborators;
    private final Instant scheduledAt;
    /** When the scheduler should next look at it: the scheduled time, later after a transient failure. */
    private final Instant dueAt;
    private final PublicationStatus status;
    private final String claimOwner;
    private final Instant leaseUntil;
    private final String containerId;
    private final Instant publishRequestedAt;
    /** Transient failures so far; the post fails for good after too many. */
    private final int attempts;
    private final String lastError;
    private final String mediaId;
    private final Instant publishedAt;
    private final String permalink;
    private final String failureReason;
    private final Map<String, Long> metrics;
    private final Instant metricsCollectedAt;
    /** When insights are next fetched from the adapter; null when not published. */
    private final Instant metricsDueAt;
    @Version
    private final Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Publication(String id, String campaignId, String channelId, String caption, MediaKind mediaKind,
            List<String> mediaUrls, List<String> collaborators, Instant scheduledAt, Instant dueAt,
            PublicationStatus status, String claimOwner, Instant leaseUntil, String containerId,
            Instant publishRequestedAt, int attempts, String lastError, String mediaId, Instant publishedAt,
            String permalink, String failureReason, Map<String, Long> metrics, Instant metricsCollectedAt,
            Instant metricsDueAt, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.campaignId = campaignId;
        this.channelId = channelId;
        this.caption = caption;
        this.mediaKind = mediaKind;
        this.mediaUrls = mediaUrls == null ? List.of() : mediaUrls;
        this.collaborators = collaborators == null ? List.of() : collaborators;
        this.scheduledAt = scheduledAt;
        this.dueAt = dueAt;
        this.status = status;
        this.claimOwner = claimOwner;
        this.leaseUntil = leaseUntil;
        this.containerId = containerId;
        this.publishRequestedAt = publishRequestedAt;
        this.attempts = attempts;
        this.lastError = lastError;
        this.mediaId = mediaId;
        this.publishedAt = publishedAt;
        this.permalink = permalink;
        this.failureReason = failureReason;
        this.metrics = metrics == null ? Map.of() : metrics;
        this.metricsCollectedAt = metricsCollectedAt;
        this.metricsDueAt = metricsDueAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : outbox;
    }

    String id() {
        return id;
    }

    String campaignId() {
        return campaignId;
    }

    String channelId() {
        return channelId;
    }

    PublicationStatus status() {
        return status;
    }

    String claimOwner() {
        return claimOwner;
    }

    String containerId() {
        return containerId;
    }

    Instant publishRequestedAt() {
        return publishRequestedAt;
    }

    int attempts() {
        return attempts;
    }

    String mediaId() {
        return mediaId;
    }

    Map<String, Long> metrics() {
        return metrics;
    }

    PostToPublish post() {
        return new PostToPublish(id, campaignId, channelId, caption, mediaKind, mediaUrls, collaborators,
                scheduledAt);
    }

    PublicationView view() {
        return new PublicationView(id, campaignId, channelId, status, scheduledAt, publishedAt, permalink,
                failureReason, metrics, metricsCollectedAt);
    }

    @Override
    public List<PendingEvent> outbox() {
        return outbox;
    }
}
