package org.netzerocities.learning.progress;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A learner's progress, homework and questions are theirs: in their export, and gone with their account (removing
 * them again changes nothing).
 */
@Configuration(proxyBeanMethods = false)
class ProgressErasure {

    /** Each enrolment with its progress and certificate. */
    @Bean
    PersonalData progressOfMember(ProgressService progress) {
        return new PersonalData("progress", progress::enrollmentsOf);
    }

    /** Every homework submission with its review. */
    @Bean
    PersonalData homeworkOfMember(ProgressService progress) {
        return new PersonalData("homework", progress::homeworkOf);
    }

    /** Every question asked, with the answers. */
    @Bean
    PersonalData questionsOfMember(Questions questions) {
        return new PersonalData("questions", questions::askedBy);
    }

    @Bean
    EventHandler<MemberErased> progressOfErasedMember(ProgressService progress, Questions questions) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> {
            progress.forget(erased.memberId());
            questions.forget(erased.memberId());
        });
    }
}
