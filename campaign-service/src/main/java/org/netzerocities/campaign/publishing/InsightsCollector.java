package org.netzerocities.campaign.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.campaign.publishing.Publisher.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Fetches the insights of recently published posts through the publisher, every {@code metrics-interval} for
 * {@code metrics-window} after publication. A post's next fetch is claimed by moving its {@code metricsDueAt} with
 * one conditional update, so two instances do not both fetch it; the answer overwrites the metrics it names (an
 * empty answer, as from the local publisher, leaves what the leadership team entered).
 */
class InsightsCollector {

    private static final Logger log = LoggerFactory.getLogger(InsightsCollector.class);
    private static final int BATCH = 50;

    private final MongoTemplate mongo;
    private final Publisher publisher;
    private final Channels channels;
    private final Clock clock;
    private final PublishingProperties settings;

    InsightsCollector(MongoTemplate mongo, Publisher publisher, Channels channels, Clock clock,
            PublishingProperties settings) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.channels = channels;
        this.clock = clock;
        this.settings = settings;
    }

    /** Fetches the insights due now; returns how many posts got new metrics. */
    int collectDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Query due = Query.query(Criteria.where(Publication.STATUS).is(PublicationStatus.PUBLISHED)
                .and(Publication.METRICS_DUE_AT).lte(now)
                .and(Publication.PUBLISHED_AT).gte(now.minus(settings.metricsWindow())))
                .with(Sort.by(Publication.METRICS_DUE_AT)).limit(BATCH);
        due.fields().include("_id").include(Publication.CHANNEL_ID).include(Publication.MEDIA_ID)
                .include(Publication.METRICS_DUE_AT);
        int collected = 0;
        for (Document post : mongo.find(due, Document.class, Publication.COLLECTION)) {
            if (claim(post, now) && collect(post, now)) {
                collected++;
            }
        }
        return collected;
    }

    private boolean claim(Document post, Instant now) {
        Query unchanged = Query.query(Criteria.where("_id").is(post.getString("_id"))
                .and(Publication.METRICS_DUE_AT).is(post.get(Publication.METRICS_DUE_AT)));
        return mongo.updateFirst(unchanged, Update.update(Publication.METRICS_DUE_AT,
                now.plus(settings.metricsInterval())), Publication.COLLECTION).getModifiedCount() > 0;
    }

    private boolean collect(Document post, Instant now) {
        String postId = post.getString("_id");
        String mediaId = post.getString(Publication.MEDIA_ID);
        Optional<ChannelView> channel = channels.channel(post.getString(Publication.CHANNEL_ID));
        Optional<Channels.AccessToken> token = channel.flatMap(found -> channels.accessToken(found.channelId()));
        if (mediaId == null || token.isEmpty()) {
            return false;
        }
        try {
            Map<String, Long> metrics = publisher.insights(Account.of(channel.get(), token.get()), mediaId);
            if (metrics.isEmpty()) {
                return false;
            }
            record(mongo, postId, metrics, now);
            log.info("Insights of post {} collected: {} metrics", postId, metrics.size());
            return true;
        }
        catch (PublishFailure failure) {
            log.info("Insights of post {} not collected, tried again in {}: {}", postId,
                    settings.metricsInterval(), failure.getMessage());
            return false;
        }
    }

    /** Overwrites the named metrics (known names only: they become field names) and stamps the time. */
    static boolean record(MongoTemplate mongo, String postId, Map<String, Long> metrics, Instant now) {
        Update update = Update.update(Publication.METRICS_COLLECTED_AT, now);
        metrics.forEach((name, value) -> {
            if (!Publisher.METRICS.contains(name)) {
                throw new IllegalArgumentException("unknown metric " + name);
            }
            update.set(Publication.METRICS + "." + name, value);
        });
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(postId)
                .and(Publication.STATUS).is(PublicationStatus.PUBLISHED)), update.inc(Publication.VERSION, 1),
                Publication.class).getModifiedCount() > 0;
    }
}
