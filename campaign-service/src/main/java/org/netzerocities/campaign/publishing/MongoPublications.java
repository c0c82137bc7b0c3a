package org.netzerocities.campaign.publishing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The publishing queue in MongoDB. Queuing is one upsert conditional on the post not being claimed: while the
 * post waits (or was cancelled, or failed for good) the same call moves it; once an instance claimed it the
 * condition no longer matches, the upsert collides with the existing id and the caller gets a 409, so a post
 * being published is never changed under the publisher's feet.
 */
class MongoPublications implements Publications {

    private static final Logger log = LoggerFactory.getLogger(MongoPublications.class);
    /** States a post can be (re)queued from: nothing was or is being posted for it. */
    private static final List<PublicationStatus> REQUEUEABLE = List.of(PublicationStatus.SCHEDULED,
            PublicationStatus.CANCELLED, PublicationStatus.FAILED);

    private final MongoTemplate mongo;

    MongoPublications(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public PublicationView schedule(PostToPublish post) {
        PostRules.check(post);
        Query waiting = Query.query(Criteria.where("_id").is(post.postId())
                .and(Publication.STATUS).in(REQUEUEABLE));
        Update queue = new Update()
                .set(Publication.CAMPAIGN_ID, post.campaignId())
                .set(Publication.CHANNEL_ID, post.channelId())
                .set(Publication.CAPTION, post.caption() == null ? "" : post.caption())
                .set(Publication.MEDIA_KIND, post.mediaKind())
                .set(Publication.MEDIA_URLS, post.mediaUrls())
                .set(Publication.COLLABORATORS, post.collaborators() == null ? List.of() : post.collaborators())
                .set(Publication.SCHEDULED_AT, post.scheduledAt())
                .set(Publication.DUE_AT, post.scheduledAt())
                .set(Publication.STATUS, PublicationStatus.SCHEDULED)
                .set(Publication.ATTEMPTS, 0)
                .unset(Publication.CLAIM_OWNER).unset(Publication.LEASE_UNTIL).unset(Publication.CONTAINER_ID)
                .unset(Publication.PUBLISH_REQUESTED_AT).unset(Publication.LAST_ERROR)
                .unset(Publication.FAILURE_REASON)
                .inc(Publication.VERSION, 1);
        try {
            Publication queued = mongo.findAndModify(waiting, queue,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Publication.class);
            log.info("Post {} of campaign {} queued for channel {} at {}", post.postId(), post.campaignId(),
                    post.channelId(), post.scheduledAt());
            return queued.view();
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("post-publishing",
                    "Post " + post.postId() + " is being published or was published: it can no longer be moved");
        }
    }

    @Override
    public boolean cancel(String postId) {
        Query waiting = Query.query(Criteria.where("_id").is(postId)
                .and(Publication.STATUS).is(PublicationStatus.SCHEDULED));
        boolean cancelled = mongo.updateFirst(waiting, new Update().set(Publication.STATUS,
                PublicationStatus.CANCELLED).inc(Publication.VERSION, 1), Publication.class).getModifiedCount() > 0;
        if (cancelled) {
            log.info("Post {} taken off the publishing queue", postId);
        }
        return cancelled;
    }

    @Override
    public Optional<PublicationView> publication(String postId) {
        return Optional.ofNullable(mongo.findById(postId, Publication.class)).map(Publication::view);
    }

    @Override
    public List<PublicationView> publications(Collection<String> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(postIds)), Publication.class).stream()
                .map(Publication::view).toList();
    }
}
