package org.netzerocities.support.member;

import org.netzerocities.events.EventBackboneAutoConfiguration;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventDispatcher;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every service that consumes events refuses the tokens of erased members: it records them from
 * {@code MemberErased} and the resource server checks each request's member against them
 * ({@link RefusedMembersFilter}).
 */
@AutoConfiguration(after = EventBackboneAutoConfiguration.class)
@ConditionalOnBean(EventDispatcher.class)
@EnableConfigurationProperties(RefusedMembersProperties.class)
public class RefusedMembersAutoConfiguration {

    /** Loaded before the service takes requests, so that no refused token slips through after a restart. */
    @Bean
    RefusedMembers refusedMembers(MongoTemplate mongo, RefusedMembersProperties properties) {
        RefusedMembers refused = new RefusedMembers(mongo, properties.overlap());
        refused.createIndexes();
        refused.refresh();
        return refused;
    }

    @Bean
    Periodic refusedMembersRefresh(RefusedMembers refused, RefusedMembersProperties properties) {
        return new Periodic("refused-members-refresh", properties.refreshInterval(), refused::refresh);
    }

    /** First among the erasure's handlers: a service's projection relies on the erasure being recorded. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EventHandler<MemberErased> refuseErasedMember(RefusedMembers refused) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED,
                (erased, event) -> refused.refuse(erased.memberId(), RefusedMembers.Reason.ERASED));
    }
}
