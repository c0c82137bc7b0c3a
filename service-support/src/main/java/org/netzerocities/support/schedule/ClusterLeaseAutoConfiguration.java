package org.netzerocities.support.schedule;

import java.time.Clock;

import org.netzerocities.events.EventBackboneAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The {@link ClusterLease} of a service with a database, for its jobs that run once across its instances. */
@AutoConfiguration(after = EventBackboneAutoConfiguration.class)
@ConditionalOnBean({ MongoTemplate.class, Clock.class })
public class ClusterLeaseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClusterLease clusterLease(MongoTemplate mongo, Clock clock) {
        return new ClusterLease(mongo, clock);
    }
}
