package org.netzerocities.learning.program;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.PublicEndpoints;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The programme is public reading. Editors are known by member id on what they edited: that is in their export
 * and forgotten when they are erased (the content stays).
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeConfiguration {

    @Bean
    PublicEndpoints programmePublicEndpoints() {
        return PublicEndpoints.of(PublicEndpoints.get("/api/learning/program"),
                PublicEndpoints.get("/api/learning/program/**"));
    }

    @Bean
    PersonalData programmeEdits(ProgrammeContent content) {
        return new PersonalData("programmeEdits", content::editsBy);
    }

    @Bean
    EventHandler<MemberErased> programmeEditorErased(ProgrammeContent content) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> content.forgetEditor(erased.memberId()));
    }
}
