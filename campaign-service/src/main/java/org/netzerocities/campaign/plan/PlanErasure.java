package org.netzerocities.campaign.plan;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A frontrunner's engagement plans are theirs: in their export, and gone with their account (removing them again
 * changes nothing).
 */
@Configuration(proxyBeanMethods = false)
class PlanErasure {

    @Bean
    PersonalData engagementPlansOfMember(EngagementPlans plans) {
        return new PersonalData("engagementPlans", plans::export);
    }

    @Bean
    EventHandler<MemberErased> engagementPlansOfErasedMember(EngagementPlans plans) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> plans.forget(erased.memberId()));
    }
}
