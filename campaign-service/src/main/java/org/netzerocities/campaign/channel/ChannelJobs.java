package org.netzerocities.campaign.channel;

import java.time.Clock;

import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CampaignPostPublished;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The channels' background work: token refresh and dormancy, each looked at every {@code scan-interval}, and
 * posts' publication learnt from the posts topic. The Graph API adapter refreshes tokens when
 * {@code nzc.campaigns.graph.base-url} is set (e.g. https://graph.instagram.com); without it (the embedded default)
 * the local one refreshes nothing and the job only warns.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelProperties.class)
class ChannelJobs {

    @Bean
    TokenRefresher tokenRefresher(@Value("${nzc.campaigns.graph.base-url:}") String graphBaseUrl, Clock clock) {
        return graphBaseUrl.isBlank() ? new LocalTokenRefresher() : new GraphTokenRefresher(graphBaseUrl, clock);
    }

    @Bean
    CredentialRefresh credentialRefresh(MongoTemplate mongo, CredentialCipher cipher, TokenRefresher refresher,
            EventFactory events, OutboxRelay relay, Clock clock, ChannelProperties properties) {
        return new CredentialRefresh(mongo, cipher, refresher, events, relay, clock, properties);
    }

    @Bean
    ChannelActivity channelActivity(MongoTemplate mongo, EventFactory events, OutboxRelay relay, Clock clock) {
        return new ChannelActivity(mongo, events, relay, clock);
    }

    @Bean
    Periodic channelCredentialRefresh(CredentialRefresh refresh, ChannelProperties properties) {
        return new Periodic("channel-credential-refresh", properties.scanInterval(), refresh::refreshDue);
    }

    @Bean
    Periodic channelDormancy(ChannelActivity activity, ChannelProperties properties) {
        return new Periodic("channel-dormancy", properties.scanInterval(), activity::markDormant);
    }

    @Bean
    EventHandler<CampaignPostPublished> channelOnPostPublished(ChannelActivity activity) {
        return EventHandler.on(EventCatalog.CAMPAIGN_POST_PUBLISHED, (post, event) -> activity.published(post));
    }
}
