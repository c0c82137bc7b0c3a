package org.netzerocities.campaign.publishing;

import java.time.Clock;

import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxRelay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.observation.ObservationRegistry;

/**
 * The publishing queue, its publisher ({@code nzc.campaigns.publisher}: {@code local}, the default, records what
 * would be posted; {@code instagram} posts through the Graph API), the scheduler and the insights job.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PublishingProperties.class, InstagramProperties.class })
class PublishingConfiguration {

    static final String PUBLISHER = "nzc.campaigns.publisher";

    @Bean
    MongoPublications publications(MongoTemplate mongo) {
        return new MongoPublications(mongo);
    }

    @Bean
    @ConditionalOnProperty(name = PUBLISHER, havingValue = "local", matchIfMissing = true)
    LocalPublisher localPublisher(MongoTemplate mongo, Clock clock) {
        return new LocalPublisher(mongo, clock);
    }

    @Bean
    @ConditionalOnProperty(name = PUBLISHER, havingValue = "instagram")
    InstagramGraphPublisher instagramPublisher(InstagramProperties settings, PublishingProperties publishing,
            ObservationRegistry observations) {
        if (settings.worstStep().compareTo(publishing.lease()) >= 0) {
            // each stored step renews the claim; a step that outlives it would let another instance take over
            throw new IllegalStateException("nzc.campaigns.publishing.lease must be longer than the Instagram "
                    + "adapter's slowest step (" + settings.worstStep() + ")");
        }
        return new InstagramGraphPublisher(settings, observations);
    }

    @Bean
    PublishScheduler publishScheduler(MongoTemplate mongo, Publisher publisher, Channels channels,
            EventFactory events, OutboxRelay relay, Clock clock, PublishingProperties settings) {
        return new PublishScheduler(mongo, publisher, channels, events,
                postId -> relay.wake(Publication.COLLECTION, postId), clock, settings);
    }

    @Bean
    Periodic publishDuePosts(PublishScheduler scheduler, PublishingProperties settings) {
        return new Periodic("publish-due-posts", settings.scanInterval(), scheduler::publishDue);
    }

    @Bean
    InsightsCollector insightsCollector(MongoTemplate mongo, Publisher publisher, Channels channels, Clock clock,
            PublishingProperties settings) {
        return new InsightsCollector(mongo, publisher, channels, clock, settings);
    }

    @Bean
    Periodic collectInsights(InsightsCollector insights, PublishingProperties settings) {
        return new Periodic("collect-insights", settings.metricsInterval().dividedBy(6), insights::collectDue);
    }
}
