package org.netzerocities.notification.inbox;

import java.time.Clock;

import org.netzerocities.events.Periodic;
import org.netzerocities.support.schedule.ClusterLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Notifications go once their retention is over: each carries its {@code expiresAt}, which MongoDB's TTL index
 * expires by itself; the purge does the same where TTL indexes expire nothing (the embedded server). The purge is
 * one conditional delete, so instances purging at the same moment remove each notification once, and a
 * notification past its retention is gone within one interval.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxProperties.class)
class InboxRetention {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    @Bean
    Periodic notificationsPurge(ClusterLease lease, MongoTemplate mongo, Clock clock, InboxProperties properties) {
        return lease.every("notifications-purge", properties.purgeInterval(), () -> purge(mongo, clock));
    }

    static long purge(MongoTemplate mongo, Clock clock) {
        long removed = mongo.remove(Query.query(Criteria.where("expiresAt").lte(clock.instant())), Notification.class)
                .getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} notifications past their retention", removed);
        }
        return removed;
    }
}
