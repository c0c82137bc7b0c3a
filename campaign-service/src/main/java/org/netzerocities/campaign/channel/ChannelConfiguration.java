package org.netzerocities.campaign.channel;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.PublicEndpoints;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channels' public routes, their credentials' key, and what they do with members' data. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    /** Which channels exist is public: the portal lists them to everyone. */
    @Bean
    PublicEndpoints channelPublicEndpoints() {
        return PublicEndpoints.of(PublicEndpoints.get("/api/campaigns/channels"),
                PublicEndpoints.get("/api/campaigns/channels/*"));
    }

    @Bean
    CredentialCipher credentialCipher(@Value("${nzc.campaigns.credential-key:}") String key) {
        return CredentialCipher.fromConfiguration(key);
    }

    /** The member's appointments to channels' teams. */
    @Bean
    PersonalData channelsOfMember(ChannelService channels) {
        return new PersonalData("channels", channels::export);
    }

    @Bean
    EventHandler<MemberErased> channelsOfErasedMember(ChannelService channels) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> channels.forget(erased.memberId()));
    }
}
