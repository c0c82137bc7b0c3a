package org.netzerocities.community.collaboration;

import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A member's collaboration requests are theirs: in their export, and gone with their account. What they wrote in
 * others' requests as a transition-team member stays for the member who asked, without their id.
 */
@Configuration(proxyBeanMethods = false)
class CollaborationErasure {

    @Bean
    PersonalData collaborationRequestsOfMember(CollaborationRequests requests) {
        return new PersonalData("collaborationRequests", requests::export);
    }

    @Bean
    EventHandler<MemberErased> collaborationRequestsOfErasedMember(CollaborationRequests requests) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> requests.forget(erased.memberId()));
    }
}
