package org.netzerocities.notification.inbox;


import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbox's erasure and its section of the member's data export. */
@Configuration(proxyBeanMethods = false)
class InboxHandlers {

    @Bean
    EventHandler<MemberErased> emptyInboxOnMemberErased(Inbox inbox) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> inbox.erase(erased.memberId()));
    }

    @Bean
    PersonalData notificationsOfMember(Inbox inbox) {
        return new PersonalData("notifications", inbox::export);
    }
}
