package org.netzerocities.notification.contact;

import org.netzerocities.events.consumer.AppliedEvents;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberJoined;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** How to reach each member: kept in step with community-service's members. */
@Configuration(proxyBeanMethods = false)
class ContactProjection {

    @Bean
    EventHandler<MemberJoined> contactOnMemberJoined(MongoTemplate mongo) {
        return AppliedEvents.projection(mongo, EventCatalog.MEMBER_JOINED, "member_contacts", MemberJoined::memberId,
                joined -> new Update().set("displayName", joined.displayName())
                        .set("city", joined.city()).set("languages", joined.languages()));
    }
}
