package org.netzerocities.support.member;

import org.netzerocities.events.EventBackboneAutoConfiguration;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventDispatcher;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberReinstated;
import org.netzerocities.events.contract.community.MemberSuspended;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every service that consumes events refuses the tokens of erased and suspended members: it records them from
 * {@code MemberErased} and {@code MemberSuspended} (until {@code MemberReinstated}) and the resource server checks
 * each request's member against them ({@link RefusedMembersFilter}).
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

    /**
     * The processed marks, not the handler, keep a redelivered suspension from undoing a later reinstatement: both
     * travel on the member's key, in order.
     */
    @Bean
    EventHandler<MemberSuspended> refuseSuspendedMember(RefusedMembers refused) {
        return EventHandler.on(EventCatalog.MEMBER_SUSPENDED,
                (suspended, event) -> refused.refuse(suspended.memberId(), RefusedMembers.Reason.SUSPENDED));
    }

    @Bean
    EventHandler<MemberReinstated> acceptReinstatedMember(RefusedMembers refused) {
        return EventHandler.on(EventCatalog.MEMBER_REINSTATED,
                (reinstated, event) -> refused.reinstate(reinstated.memberId()));
    }
}
