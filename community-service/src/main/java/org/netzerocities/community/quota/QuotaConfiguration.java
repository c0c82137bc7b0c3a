package org.netzerocities.community.quota;

import java.time.Clock;

import org.netzerocities.events.Periodic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class QuotaConfiguration {

    @Bean
    Quotas quotas(MongoTemplate mongo) {
        return new Quotas(mongo);
    }

    @Bean
    Periodic quotaPurge(Quotas quotas, QuotaProperties properties, Clock clock) {
        return new Periodic("quota-purge", properties.purgeInterval(), () -> quotas.purge(clock.instant()));
    }
}
