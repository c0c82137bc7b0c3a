package org.netzerocities.campaign.publishing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The publishing queue, its publisher (local or Instagram), the scheduler and the insights job. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    MongoPublications publications(MongoTemplate mongo) {
        return new MongoPublications(mongo);
    }
}
