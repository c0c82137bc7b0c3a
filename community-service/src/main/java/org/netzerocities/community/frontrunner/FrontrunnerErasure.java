package org.netzerocities.community.frontrunner;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An erased member's frontrunner requests go with their account; removing them again changes nothing. */
@Configuration(proxyBeanMethods = false)
class FrontrunnerErasure {

    @Bean
    EventHandler<MemberErased> frontrunnerRequestsOfErasedMember(FrontrunnerRequests requests) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> requests.forget(erased.memberId()));
    }
}
