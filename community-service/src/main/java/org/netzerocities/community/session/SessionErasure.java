package org.netzerocities.community.session;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A member's sessions (their devices' user agents) are theirs: in their export, and gone with their account. */
@Configuration(proxyBeanMethods = false)
class SessionErasure {

    @Bean
    PersonalData sessionsOfMember(Sessions sessions) {
        return new PersonalData("sessions", sessions::export);
    }

    @Bean
    EventHandler<MemberErased> sessionsOfErasedMember(Sessions sessions) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> sessions.forget(erased.memberId()));
    }
}
