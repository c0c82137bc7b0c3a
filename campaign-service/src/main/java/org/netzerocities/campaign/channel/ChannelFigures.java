package org.netzerocities.campaign.channel;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CampaignPostPublished;
import org.netzerocities.events.outbox.BusinessCounter;
import org.netzerocities.events.outbox.MemberCity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The engagement plan's figure for the dashboards: campaign posts that reached Instagram, by their channel's city
 * ({@value MemberCity#UNKNOWN} for the main NZCommunities channel, which has none), counted once the relay sent
 * CampaignPostPublished.
 */
@Configuration(proxyBeanMethods = false)
class ChannelFigures {

    @Bean
    BusinessCounter<CampaignPostPublished> campaignPostsPublished(MongoTemplate mongo) {
        var channelsCity = new MemberCity(mongo, Channel.COLLECTION);
        return new BusinessCounter<>(EventCatalog.CAMPAIGN_POST_PUBLISHED, "nzc.mission.campaign.posts.published",
                "Campaign posts published on Instagram, by the channel's city",
                published -> channelsCity.apply(published.channelId()));
    }
}
