package org.netzerocities.learning.cohort;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A member's enrolments are theirs: in their export, and gone with their account (forgetting them again changes
 * nothing).
 */
@Configuration(proxyBeanMethods = false)
class CohortErasure {

    /** The member's enrolments, newest first, in their data export. */
    @Bean
    PersonalData enrollmentsOfMember(EnrollmentService enrollments) {
        return new PersonalData("enrollments", enrollments::export);
    }

    @Bean
    EventHandler<MemberErased> enrollmentsOfErasedMember(EnrollmentService enrollments) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> enrollments.forget(erased.memberId()));
    }
}
