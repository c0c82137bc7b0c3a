package org.netzerocities.community.group;

import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.learning.CohortStarted;
import org.netzerocities.events.contract.learning.CohortUpdated;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.contract.learning.LearnerWithdrawn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events groups follow: learning's cohort events (the cohorts' peer groups) and the erasure of members.
 * Every handler is idempotent in its effect, so a redelivered event changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class GroupEvents {

    @Bean
    EventHandler<CohortStarted> groupOnCohortStarted(CohortGroups cohorts) {
        return EventHandler.on(EventCatalog.COHORT_STARTED,
                (started, event) -> cohorts.follow(started.cohortId(), started.name(), started.facilitatorIds()));
    }

    @Bean
    EventHandler<CohortUpdated> groupOnCohortUpdated(CohortGroups cohorts) {
        return EventHandler.on(EventCatalog.COHORT_UPDATED,
                (updated, event) -> cohorts.follow(updated.cohortId(), updated.name(), updated.facilitatorIds()));
    }

    @Bean
    EventHandler<LearnerEnrolled> groupOnLearnerEnrolled(CohortGroups cohorts) {
        return EventHandler.on(EventCatalog.LEARNER_ENROLLED, (enrolled, event) -> cohorts.enrolled(enrolled));
    }

    @Bean
    EventHandler<LearnerWithdrawn> groupOnLearnerWithdrawn(CohortGroups cohorts) {
        return EventHandler.on(EventCatalog.LEARNER_WITHDRAWN,
                (withdrawn, event) -> cohorts.withdrawn(withdrawn.cohortId(), withdrawn.memberId()));
    }

    /** The member's groups and join requests, in their data export. */
    @Bean
    PersonalData groupsOfMember(Groups groups) {
        return new PersonalData("groups", groups::export);
    }

    @Bean
    EventHandler<MemberErased> groupsOfErasedMember(Groups groups) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> groups.forget(erased.memberId()));
    }
}
