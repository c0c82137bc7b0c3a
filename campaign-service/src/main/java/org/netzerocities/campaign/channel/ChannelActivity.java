package org.netzerocities.campaign.channel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.netzerocities.campaign.channel.Channels.ChannelStatus;
import org.netzerocities.events.contract.campaign.CampaignPostPublished;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Whether channels keep their cadence. A published post (CampaignPostPublished, learnt from the topic since
 * publishing depends on channels and not the other way round) moves the channel's {@code lastPublishedAt} forward,
 * never back, and makes a dormant channel active again: a redelivered or late event changes nothing. Each look
 * ({@code scan-interval}) marks dormant the active channels that missed their cadence for two periods
 * ({@link Cadence}), each with one update conditional on the version it read that stores ChannelDormant with the
 * change: with several instances a channel falls dormant, and is announced, once.
 */
class ChannelActivity {

    private static final Logger log = LoggerFactory.getLogger(ChannelActivity.class);

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;

    ChannelActivity(MongoTemplate mongo, EventFactory events, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    void published(CampaignPostPublished post) {
        Instant publishedAt = post.publishedAt().truncatedTo(ChronoUnit.MILLIS);
        Query later = Query.query(Criteria.where("_id").is(post.channelId()).orOperator(
                Criteria.where(Channel.LAST_PUBLISHED_AT).is(null),
                Criteria.where(Channel.LAST_PUBLISHED_AT).lt(publishedAt)));
        later.fields().include(Channel.STATUS);
        Update update = new Update().set(Channel.LAST_PUBLISHED_AT, publishedAt).set(Channel.LAST_POST_ID,
                post.postId()).set(Channel.STATUS, ChannelStatus.ACTIVE).unset(Channel.DORMANT_SINCE)
                .inc(Channel.VERSION, 1);
        Channel before = mongo.findAndModify(later, update, FindAndModifyOptions.none(), Channel.class);
        if (before != null && before.status() == ChannelStatus.DORMANT) {
            log.info("Channel {} active again with post {}", post.channelId(), post.postId());
        }
    }

    /** Marks dormant the channels gone quiet; returns how many this instance marked. */
    int markDormant() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Query active = Query.query(Criteria.where(Channel.STATUS).is(ChannelStatus.ACTIVE));
        active.fields().exclude(OutboxAggregate.OUTBOX_FIELD, Credential.FIELD);
        int marked = 0;
        for (Channel channel : mongo.find(active, Channel.class)) {
            if (Cadence.isDormant(channel.cadence(), channel.createdAt(), channel.lastPublishedAt(), now)
                    && claim(channel, now)) {
                marked++;
            }
        }
        return marked;
    }

    /** Marks the channel, as read, dormant: of instances that read it alike, one succeeds. */
    boolean claim(Channel channel, Instant now) {
        Query unchanged = Query.query(Criteria.where("_id").is(channel.id()).and(Channel.VERSION)
                .is(channel.version()).and(Channel.STATUS).is(ChannelStatus.ACTIVE));
        Update dormant = new Update().set(Channel.STATUS, ChannelStatus.DORMANT).set(Channel.DORMANT_SINCE, now)
                .inc(Channel.VERSION, 1).push(OutboxAggregate.OUTBOX_FIELD, channel.dormantEvent(events));
        if (mongo.updateFirst(unchanged, dormant, Channel.class).getModifiedCount() == 0) {
            return false;
        }
        relay.wake(Channel.COLLECTION, channel.id());
        log.info("Channel {} dormant: no post since {}", channel.id(),
                channel.lastPublishedAt() != null ? channel.lastPublishedAt() : channel.createdAt());
        return true;
    }
}
