package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CampaignPostApproved;
import org.netzerocities.events.contract.campaign.CampaignPostRejected;
import org.netzerocities.events.contract.campaign.CampaignPostSubmitted;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A post of a campaign and its way to the channel, shared ownership as the engagement plan describes it: the
 * leadership team drafts and submits, the steering committee approves (with the time to publish) or rejects with a
 * comment, and only an approved post is handed to publishing.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --approve--> APPROVED --handed to publishing--> SCHEDULED
 *   ^  <--edit--  REJECTED <--reject--/
 * </pre>
 *
 * Every transition checks the state it starts from on the version read, and the save is conditional on that
 * version ({@code @Version}): of two reviewers deciding at once, one wins and the other reads the post again and
 * is refused. {@code authorId} and {@code reviewerId} are cleared when that member is
 * erased.
 */
@Document(CampaignPost.COLLECTION)
@CompoundIndex(name = "campaign_created", def = "{'campaignId': 1, 'createdAt': 1}")
@CompoundIndex(name = "channel_scheduled", def = "{'channelId': 1, 'scheduledAt': 1}")
@CompoundIndex(name = "author", def = "{'authorId': 1}")
class CampaignPost implements OutboxAggregate {

    static final String COLLECTION = "campaign_posts";
    static final String CAMPAIGN_ID = "campaignId";
    static final String CHANNEL_ID = "channelId";
    static final String AUTHOR_ID = "authorId";
    static final String REVIEWER_ID = "reviewerId";
    static final String SCHEDULED_AT = "scheduledAt";
    static final String CREATED_AT = "createdAt";

    enum Status {
        DRAFT, SUBMITTED, APPROVED, REJECTED, SCHEDULED;

        boolean editable() {
            return this == DRAFT || this == REJECTED;
        }
    }

    @Id
    private final String id;
    private final String campaignId;
    private final String channelId;
    private String authorId;
    private PostRules.Content content;
    private Status status;
    private String reviewerId;
    private String reviewComment;
    private Instant scheduledAt;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    CampaignPost(String id, String campaignId, String channelId, String authorId, PostRules.Content content,
            Status status, String reviewerId, String reviewComment, Instant scheduledAt, Instant createdAt,
            Instant updatedAt, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.campaignId = campaignId;
        this.channelId = channelId;
        this.authorId = authorId;
        this.content = content;
        this.status = status;
        this.reviewerId = reviewerId;
        this.reviewComment = reviewComment;
        this.scheduledAt = scheduledAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    static CampaignPost draft(String id, String campaignId, String channelId, String authorId,
            PostRules.Content content, Instant now) {
        return new CampaignPost(id, campaignId, channelId, authorId, content, Status.DRAFT, null, null, null, now,
                now, null, List.of());
    }

    /** Replaces the content of a draft or a rejected post, which becomes a draft again. */
    void edit(PostRules.Content revised, Instant now) {
        require(status.editable(), "Only a draft or a rejected post can be edited; this one is " + status);
        content = revised;
        status = Status.DRAFT;
        updatedAt = now;
    }

    /** Asks the channel's steering committee for approval; a rejected post may be submitted again as it is. */
    void submit(ChannelView channel, String by, Instant now, EventFactory events) {
        require(status.editable(), "Only a draft or a rejected post can be submitted; this one is " + status);
        status = Status.SUBMITTED;
        updatedAt = now;
        outbox.add(events.create(EventCatalog.CAMPAIGN_POST_SUBMITTED, id, new CampaignPostSubmitted(id, campaignId,
                channelId, by, channel.steeringIds())));
    }

    /**
     * Approves a submitted post for publishing at {@code scheduledAt}; the author cannot approve their own post
     * (a steering member who also sits on the leadership team reviews others' posts only).
     */
    void approve(ChannelView channel, String reviewer, String comment, Instant at, Instant now,
            EventFactory events) {
        review(reviewer);
        status = Status.APPROVED;
        reviewerId = reviewer;
        reviewComment = comment;
        scheduledAt = at;
        updatedAt = now;
        outbox.add(events.create(EventCatalog.CAMPAIGN_POST_APPROVED, id, new CampaignPostApproved(id, campaignId,
                channelId, reviewer, comment, channel.leadershipIds())));
    }

    /** Sends a submitted post back to the leadership team with the committee's comment. */
    void reject(ChannelView channel, String reviewer, String comment, Instant now, EventFactory events) {
        review(reviewer);
        status = Status.REJECTED;
        reviewerId = reviewer;
        reviewComment = comment;
        updatedAt = now;
        outbox.add(events.create(EventCatalog.CAMPAIGN_POST_REJECTED, id, new CampaignPostRejected(id, campaignId,
                channelId, reviewer, comment, channel.leadershipIds())));
    }

    /** What publishing gets once the post is approved. */
    PostToPublish toPublish() {
        if (status != Status.APPROVED && status != Status.SCHEDULED) {
            throw new IllegalStateException("Post " + id + " is not approved");
        }
        return new PostToPublish(id, campaignId, channelId, content.publishedCaption(), content.mediaKind(),
                content.mediaUrls(), content.collaborators(), scheduledAt);
    }

    /** Publishing has queued the approved post. */
    void scheduled(Instant now) {
        if (status != Status.APPROVED) {
            throw new IllegalStateException("Post " + id + " is " + status + ", not approved");
        }
        status = Status.SCHEDULED;
        updatedAt = now;
    }

    private void review(String reviewer) {
        require(status == Status.SUBMITTED, "Only a submitted post can be reviewed; this one is " + status);
        if (reviewer.equals(authorId)) {
            throw ApiProblem.forbidden("The author of a post cannot review it");
        }
    }

    private static void require(boolean allowed, String detail) {
        if (!allowed) {
            throw ApiProblem.conflict("post-status", detail);
        }
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

    String authorId() {
        return authorId;
    }

    PostRules.Content content() {
        return content;
    }

    Status status() {
        return status;
    }

    String reviewerId() {
        return reviewerId;
    }

    String reviewComment() {
        return reviewComment;
    }

    Instant scheduledAt() {
        return scheduledAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
