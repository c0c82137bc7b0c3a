package org.netzerocities.campaign.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The embedded stack's publisher: nothing leaves the machine. What would have been posted is recorded in the
 * collection {@value #COLLECTION} (one document per container: account, caption, media, collaborators, and once
 * published its media id and local permalink), so a demo shows the whole journey without an Instagram account.
 * It has no insights: metrics are entered by the leadership team.
 */
class LocalPublisher implements Publisher {

    static final String COLLECTION = "local_published_posts";
    /** A URI that says where the post is without pretending to be on Instagram. */
    static final String PERMALINK_PREFIX = "urn:nzc:local-post:";
    private static final Logger log = LoggerFactory.getLogger(LocalPublisher.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    LocalPublisher(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public String createContainer(Account account, PostToPublish post) {
        String containerId = "local-" + UUID.randomUUID();
        mongo.insert(new Document("_id", containerId).append("postId", post.postId())
                .append("instagramUserId", account.instagramUserId()).append("handle", account.handle())
                .append("caption", post.caption()).append("mediaKind", post.mediaKind().name())
                .append("mediaUrls", post.mediaUrls()).append("collaborators", post.collaborators())
                .append("createdAt", clock.instant()), COLLECTION);
        return containerId;
    }

    @Override
    public ContainerStatus awaitContainer(Account account, String containerId) {
        Document container = container(containerId);
        if (container == null) {
            return ContainerStatus.EXPIRED;
        }
        return container.get("mediaId") == null ? ContainerStatus.FINISHED : ContainerStatus.PUBLISHED;
    }

    @Override
    public Published publish(Account account, String containerId) {
        Published published = new Published(containerId, PERMALINK_PREFIX + containerId);
        // conditional: a container is posted once, as on Instagram
        boolean first = mongo.updateFirst(Query.query(Criteria.where("_id").is(containerId).and("mediaId").is(null)),
                new Update().set("mediaId", published.mediaId()).set("permalink", published.permalink())
                        .set("publishedAt", clock.instant()), COLLECTION).getModifiedCount() > 0;
        if (!first) {
            throw PublishFailure.permanent("container " + containerId + " was published already or is unknown");
        }
        log.info("Local publisher: container {} would now be on {}'s account", containerId, account.handle());
        return published;
    }

    @Override
    public Optional<Published> findPublished(Account account, String containerId, String caption, Instant since) {
        return Optional.ofNullable(container(containerId)).filter(container -> container.get("mediaId") != null)
                .map(container -> new Published(container.getString("mediaId"), container.getString("permalink")));
    }

    @Override
    public Map<String, Long> insights(Account account, String mediaId) {
        return Map.of();
    }

    @Override
    public Optional<PublishingLimit.Usage> usage(Account account) {
        return Optional.empty();
    }

    private Document container(String containerId) {
        return mongo.findById(containerId, Document.class, COLLECTION);
    }
}
