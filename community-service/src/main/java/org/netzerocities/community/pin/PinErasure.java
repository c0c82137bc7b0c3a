package org.netzerocities.community.pin;

import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A member's pins are theirs: in their export, and gone with their account (removing them again changes nothing). */
@Configuration(proxyBeanMethods = false)
class PinErasure {

    /** The member's pins, oldest first, in their data export. */
    @Bean
    PersonalData pinsOfMember(Pins pins) {
        return new PersonalData("pins", pins::export);
    }

    @Bean
    EventHandler<MemberErased> pinsOfErasedMember(Pins pins) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> pins.forget(erased.memberId()));
    }
}
