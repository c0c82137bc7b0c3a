package org.netzerocities.notification.inbox;

import java.util.List;
import java.util.Map;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The welcome and the mention (until routing handles them with the other events), the inbox's erasure and its
 * section of the member's data export.
 */
@Configuration(proxyBeanMethods = false)
class InboxHandlers {

    @Bean
    EventHandler<MemberJoined> welcomeOnMemberJoined(Deliveries deliveries) {
        return EventHandler.on(EventCatalog.MEMBER_JOINED, (joined, event) -> deliveries.send(List.of(
                new NotificationDraft(NotificationDraft.idFor(event.id(), joined.memberId()), joined.memberId(),
                        Kind.WELCOME, Map.of("displayName", joined.displayName()), "/onboarding", event.id(),
                        event.time()))));
    }

    @Bean
    EventHandler<MemberMentioned> notifyOnMemberMentioned(Deliveries deliveries) {
        return EventHandler.on(EventCatalog.MEMBER_MENTIONED, (mentioned, event) -> deliveries.send(List.of(
                new NotificationDraft(NotificationDraft.idFor(event.id(), mentioned.mentionedMemberId()),
                        mentioned.mentionedMemberId(), Kind.MENTION, Map.of("threadTitle", mentioned.threadTitle()),
                        "/community/threads/" + mentioned.threadId() + "?post=" + mentioned.postId(), event.id(),
                        event.time()))));
    }

    @Bean
    EventHandler<MemberErased> emptyInboxOnMemberErased(Inbox inbox) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> inbox.erase(erased.memberId()));
    }

    @Bean
    PersonalData notificationsOfMember(Inbox inbox) {
        return new PersonalData("notifications", inbox::export);
    }
}
