package org.netzerocities.community.member;

import java.time.Clock;

import org.netzerocities.community.quota.QuotaProperties;
import org.netzerocities.events.Periodic;
import org.netzerocities.support.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    @Bean
    OneTimeLinks oneTimeLinks(MongoTemplate mongo, Clock clock, AccountProperties properties) {
        return new OneTimeLinks(mongo, clock, properties);
    }

    /** The embedded server expires nothing by its TTL index; one conditional delete, harmless on every instance. */
    @Bean
    Periodic oneTimeLinkPurge(OneTimeLinks links, QuotaProperties quotas) {
        return new Periodic("one-time-link-purge", quotas.purgeInterval(), links::purgeExpired);
    }

    /** Whoever holds a link, or forgot their password, has no token. */
    @Bean
    PublicEndpoints accountPublicEndpoints() {
        return PublicEndpoints.of(
                PublicEndpoints.post("/api/community/email-verifications/confirmation"),
                PublicEndpoints.post("/api/community/password-resets"),
                PublicEndpoints.post("/api/community/password-resets/confirmation"));
    }
}
