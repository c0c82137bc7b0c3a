package org.netzerocities.community.frontrunner;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A member's frontrunner requests are theirs: in their export, and gone with their account (removing them again
 * changes nothing).
 */
@Configuration(proxyBeanMethods = false)
class FrontrunnerErasure {

    /** The member's frontrunner requests, oldest first, in their data export. */
    @Bean
    PersonalData frontrunnerRequestsOfMember(FrontrunnerRequests requests) {
        return new PersonalData("frontrunnerRequests", requests::export);
    }

    @Bean
    EventHandler<MemberErased> frontrunnerRequestsOfErasedMember(FrontrunnerRequests requests) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> requests.forget(erased.memberId()));
    }
}
