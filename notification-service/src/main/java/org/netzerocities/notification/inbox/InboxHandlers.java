package org.netzerocities.notification.inbox;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events that put something in a member's inbox, or take everything out of it. */
@Configuration(proxyBeanMethods = false)
class InboxHandlers {

    @Bean
    EventHandler<MemberJoined> welcomeOnMemberJoined(Inbox inbox) {
        return EventHandler.on(EventCatalog.MEMBER_JOINED, (joined, event) -> inbox.welcome(joined, event.id()));
    }

    @Bean
    EventHandler<MemberMentioned> notifyOnMemberMentioned(Inbox inbox) {
        return EventHandler.on(EventCatalog.MEMBER_MENTIONED, (mentioned, event) -> inbox.mentioned(mentioned, event.id()));
    }

    @Bean
    EventHandler<MemberErased> emptyInboxOnMemberErased(Inbox inbox) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> inbox.erase(erased.memberId()));
    }
}
