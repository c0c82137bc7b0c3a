package org.netzerocities.campaign.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.campaign.publishing.Publications;
import org.netzerocities.campaign.publishing.Publications.PublicationView;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Posts of campaigns through shared-ownership approval: the channel's leadership team drafts, edits and submits,
 * its steering committee approves or rejects; an approved post is handed to publishing, nothing else is. Each
 * transition is a read, a rule on the state read and a save conditional on its version: the loser of a race
 * (two reviewers, the outbox relay removing sent events) reads the post again and is judged on what it finds.
 */
@Service
class Posts {

    private static final Logger log = LoggerFactory.getLogger(Posts.class);
    /** How far ahead a post may be scheduled. */
    static final Duration LONGEST_LEAD = Duration.ofDays(366);

    private final MongoTemplate mongo;
    private final Campaigns campaigns;
    private final ChannelAccess access;
    private final Publications publications;
    private final EventFactory events;
    private final Clock clock;

    Posts(MongoTemplate mongo, Campaigns campaigns, ChannelAccess access, Publications publications,
            EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.access = access;
        this.publications = publications;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new draft on a campaign that has not ended.
     *
     * @throws ApiProblem 404 unknown campaign, 403 not its channel's leadership team, 400 invalid post, 409 ended
     */
    CampaignPost draft(String campaignId, PostDraft draft, Caller caller) {
        Campaign campaign = campaigns.find(campaignId);
        ChannelAccess.requireLeadership(access.of(campaign.channelId()), caller);
        Instant now = now();
        if (!campaign.endsAt().isAfter(now)) {
            throw ApiProblem.conflict("campaign-ended", "Campaign " + campaignId + " has ended");
        }
        PostRules.Content content = PostRules.check(draft, campaign.kind(), collaboratorsOf(campaign));
        CampaignPost post = mongo.insert(CampaignPost.draft(UUID.randomUUID().toString(), campaignId,
                campaign.channelId(), caller.memberId(), content, now));
        log.info("Post {} drafted on campaign {} by {}", post.id(), campaignId, caller.memberId());
        return post;
    }

    /** @throws ApiProblem 404 unknown post, 403 not its channel's leadership team, 409 not editable */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public CampaignPost edit(String postId, PostDraft draft, Caller caller) {
        return transition(postId, caller, ChannelAccess::requireLeadership, (post, channel) -> {
            Campaign campaign = campaigns.find(post.campaignId());
            post.edit(PostRules.check(draft, campaign.kind(), collaboratorsOf(campaign)), now());
        }, "edited");
    }

    /** @throws ApiProblem 404 unknown post, 403 not its channel's leadership team, 409 not a draft */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public CampaignPost submit(String postId, Caller caller) {
        return transition(postId, caller, ChannelAccess::requireLeadership,
                (post, channel) -> post.submit(channel, caller.memberId(), now(), events), "submitted for approval");
    }

    /**
     * Approves a submitted post and hands it to publishing for {@code scheduledAt}. The approval is saved first;
     * should handing it over fail, approving again (any member of the committee) completes it.
     *
     * @throws ApiProblem 404 unknown post, 403 not its channel's steering committee or its author, 400 time out
     *                    of range, 409 not submitted
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public CampaignPost approve(String postId, PostReview.Approval approval, Caller caller) {
        CampaignPost post = find(postId);
        ChannelView channel = access.of(post.channelId());
        ChannelAccess.requireSteering(channel, caller);
        Instant now = now();
        if (post.status() != CampaignPost.Status.APPROVED) {
            if (!approval.scheduledAt().isAfter(now)) {
                throw ApiProblem.invalid("scheduledAt", "must be in the future");
            }
            if (approval.scheduledAt().isAfter(now.plus(LONGEST_LEAD))) {
                throw ApiProblem.invalid("scheduledAt", "must be within a year");
            }
            post.approve(channel, caller.memberId(), blankToNull(approval.comment()),
                    approval.scheduledAt().truncatedTo(ChronoUnit.MILLIS), now, events);
            post = mongo.save(post);
            log.info("Post {} approved by {} for {}", postId, caller.memberId(), post.scheduledAt());
        }
        publications.schedule(post.toPublish());
        post.scheduled(now);
        post = mongo.save(post);
        log.info("Post {} handed to publishing for {}", postId, post.scheduledAt());
        return post;
    }

    /** @throws ApiProblem 404 unknown post, 403 not its channel's steering committee or its author, 409 not submitted */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public CampaignPost reject(String postId, PostReview.Rejection rejection, Caller caller) {
        return transition(postId, caller, ChannelAccess::requireSteering, (post, channel) -> post.reject(channel,
                caller.memberId(), rejection.comment().strip(), now(), events), "rejected");
    }

    /**
     * One step of the workflow: the post read, the caller's right on its channel checked, the step taken on what
     * was read and saved on condition that nobody saved the post in between.
     */
    private CampaignPost transition(String postId, Caller caller, BiConsumer<ChannelView, Caller> allowed,
            BiConsumer<CampaignPost, ChannelView> step, String done) {
        CampaignPost post = find(postId);
        ChannelView channel = access.of(post.channelId());
        allowed.accept(channel, caller);
        step.accept(post, channel);
        post = mongo.save(post);
        log.info("Post {} {} by {}", postId, done, caller.memberId());
        return post;
    }

    /** A post with its publication, for the channel's teams and admins. @throws ApiProblem 404, 403 */
    PostView view(String postId, Caller caller) {
        CampaignPost post = find(postId);
        ChannelAccess.requireReader(access.of(post.channelId()), caller);
        return PostView.of(post, publications.publication(postId).orElse(null));
    }

    /** The campaign's posts, oldest first, with their publications. */
    List<PostView> ofCampaign(String campaignId) {
        return withPublications(mongo.find(Query.query(Criteria.where(CampaignPost.CAMPAIGN_ID).is(campaignId))
                .with(Sort.by(CampaignPost.CREATED_AT, "_id")), CampaignPost.class));
    }

    /** Posts of a channel scheduled in [{@code from}, {@code to}), in time order, with their publications. */
    List<PostView> scheduledOn(String channelId, Instant from, Instant to) {
        return withPublications(mongo.find(Query.query(Criteria.where(CampaignPost.CHANNEL_ID).is(channelId)
                .and(CampaignPost.SCHEDULED_AT).gte(from).lt(to))
                .with(Sort.by(CampaignPost.SCHEDULED_AT, "_id")), CampaignPost.class));
    }

    private List<PostView> withPublications(List<CampaignPost> posts) {
        Map<String, PublicationView> published = posts.isEmpty() ? Map.of()
                : publications.publications(posts.stream().map(CampaignPost::id).toList()).stream()
                        .collect(Collectors.toMap(PublicationView::postId, Function.identity(), (a, b) -> a));
        return posts.stream().map(post -> PostView.of(post, published.get(post.id()))).toList();
    }

    private CampaignPost find(String postId) {
        CampaignPost post = mongo.findById(postId, CampaignPost.class);
        if (post == null) {
            throw ApiProblem.notFound("Post " + postId);
        }
        return post;
    }

    private static List<String> collaboratorsOf(Campaign campaign) {
        return campaign.collaboration() == null ? List.of() : campaign.collaboration().handles();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
