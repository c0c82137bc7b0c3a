package org.netzerocities.campaign.publishing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The publishing queue as the campaign feature sees it: an approved post is handed over with its time, and its
 * publication (status, permalink, metrics) read back for calendars and KPIs. Publishing itself (exactly once,
 * whatever the number of instances) happens here.
 */
public interface Publications {

    /**
     * Queues an approved post for {@code post.scheduledAt()}; handing the same post over again before it is
     * claimed for publishing moves it (idempotent per post id). 409 problem once it is being published.
     */
    PublicationView schedule(PostToPublish post);

    /** Takes a queued post off the queue; false when it is already being published or published. */
    boolean cancel(String postId);

    Optional<PublicationView> publication(String postId);

    List<PublicationView> publications(Collection<String> postIds);

    enum MediaKind {
        IMAGE, VIDEO, CAROUSEL
    }

    enum PublicationStatus {
        SCHEDULED,
        /** Claimed by an instance; the outcome at Instagram may be unknown until reconciled. */
        PUBLISHING,
        PUBLISHED,
        FAILED,
        CANCELLED
    }

    /**
     * An approved post: media at publicly reachable URLs (Instagram fetches them), up to three collaborator
     * handles for a collaboration post.
     */
    record PostToPublish(String postId, String campaignId, String channelId, String caption, MediaKind mediaKind,
            List<String> mediaUrls, List<String> collaborators, Instant scheduledAt) {
    }

    /** {@code metrics}: e.g. reach, likes, comments, saves, shares, as last collected (or entered). */
    record PublicationView(String postId, String campaignId, String channelId, PublicationStatus status,
            Instant scheduledAt, Instant publishedAt, String permalink, String failureReason,
            Map<String, Long> metrics, Instant metricsCollectedAt) {
    }
}
