package org.netzerocities.community.board;

import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the boards learn from the member events: the names mentions resolve against, and erasure. The member
 * events share the member's key, so a member's joining, renames and erasure arrive in order.
 */
@Configuration(proxyBeanMethods = false)
class BoardEvents {

    @Bean
    EventHandler<MemberJoined> boardNameOnJoin(MemberNames names) {
        return EventHandler.on(EventCatalog.MEMBER_JOINED,
                (joined, event) -> names.named(joined.memberId(), joined.displayName()));
    }

    @Bean
    EventHandler<MemberProfileUpdated> boardNameOnProfileUpdate(MemberNames names) {
        return EventHandler.on(EventCatalog.MEMBER_PROFILE_UPDATED,
                (updated, event) -> names.named(updated.memberId(), updated.displayName()));
    }

    @Bean
    EventHandler<MemberErased> boardTracesOfErasedMember(Boards boards, MemberNames names) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> {
            names.forget(erased.memberId());
            boards.forget(erased.memberId());
        });
    }

    /** The member's posts and reports, in their data export. */
    @Bean
    PersonalData boardPostsOfMember(Boards boards) {
        return new PersonalData("boards", boards::export);
    }
}
