package org.netzerocities.campaign.campaign;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Campaigns of the channels: launched by a channel's leadership team (or an admin), read by the channel's teams.
 * Members who are on neither team see calls to action only, so they can respond to them.
 */
@Service
class Campaigns {

    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);

    private final MongoTemplate mongo;
    private final Channels channels;
    private final ChannelAccess access;
    private final EventFactory events;
    private final Clock clock;

    Campaigns(MongoTemplate mongo, Channels channels, ChannelAccess access, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.channels = channels;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Launches a campaign on the channel it names, announced with CampaignLaunched (and CallToActionLaunched).
     *
     * @throws ApiProblem 400 invalid or unknown channel, 403 not its leadership team nor an admin, 409 the
     *                    campaignRef is taken
     */
    Campaign launch(NewCampaign request, Caller caller) {
        Instant now = now();
        var errors = CampaignRules.check(request, now);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        ChannelView channel = access.named(request.channelId());
        if (!caller.isAdmin()) {
            ChannelAccess.requireLeadership(channel, caller);
        }
        String id = UUID.randomUUID().toString();
        String ref = request.campaignRef() != null ? request.campaignRef() : reference(request.title(), id);
        Campaign campaign = Campaign.launch(id, ref, request, channel, caller.memberId(), now, events);
        try {
            campaign = mongo.insert(campaign);
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("campaign-ref-taken", "Another campaign uses the reference " + ref);
        }
        log.info("Campaign {} ({}, ref {}) launched on channel {} by {}", id, campaign.kind(), ref,
                channel.channelId(), caller.memberId());
        return campaign;
    }

    /** A campaign the caller may see. @throws ApiProblem 404 unknown or not visible to the caller */
    Campaign visible(String id, Caller caller) {
        Campaign campaign = find(id);
        if (campaign.kind() != CampaignKind.CALL_TO_ACTION && !ChannelAccess.mayRead(access.of(campaign.channelId()),
                caller)) {
            throw ApiProblem.notFound("Campaign " + id);
        }
        return campaign;
    }

    /** A campaign whose KPIs the caller may read: the channel's teams and admins. */
    Campaign readable(String id, Caller caller) {
        Campaign campaign = find(id);
        ChannelAccess.requireReader(access.of(campaign.channelId()), caller);
        return campaign;
    }

    /** @throws ApiProblem 404 unknown campaign */
    Campaign find(String id) {
        Campaign campaign = mongo.findById(id, Campaign.class);
        if (campaign == null) {
            throw ApiProblem.notFound("Campaign " + id);
        }
        return campaign;
    }

    /**
     * Campaigns, newest start first: all of the channels where the caller is on a team (all of every channel for
     * an admin), and the calls to action of the others.
     */
    PageResponse<CampaignView> list(String channelId, CampaignKind kind, Caller caller, Pageable page) {
        List<Criteria> criteria = new ArrayList<>();
        if (channelId != null) {
            access.named(channelId);
            criteria.add(Criteria.where(Campaign.CHANNEL_ID).is(channelId));
        }
        if (kind != null) {
            criteria.add(Criteria.where(Campaign.KIND).is(kind));
        }
        if (!caller.isAdmin()) {
            List<String> mine = channels.all().stream().filter(c -> ChannelAccess.onTeam(c, caller.memberId()))
                    .map(ChannelView::channelId).toList();
            criteria.add(new Criteria().orOperator(Criteria.where(Campaign.CHANNEL_ID).in(mine),
                    Criteria.where(Campaign.KIND).is(CampaignKind.CALL_TO_ACTION)));
        }
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Campaign.class);
        List<Campaign> items = mongo.find(query.with(page), Campaign.class);
        return new PageResponse<>(items.stream().map(CampaignView::of).toList(), page.getPageNumber(),
                page.getPageSize(), total);
    }

    /** The campaign's reference from its title: a slug and the start of its id, which keeps it unique. */
    static String reference(String title, String id) {
        String slug = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        String suffix = id.substring(0, 8);
        return slug.isEmpty() ? "campaign-" + suffix : slug + "-" + suffix;
    }

    /** Millisecond precision: what MongoDB stores, so a value returned matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
