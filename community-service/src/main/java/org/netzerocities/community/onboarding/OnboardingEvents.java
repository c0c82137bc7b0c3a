package org.netzerocities.community.onboarding;

import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.EventRegistrationChanged;
import org.netzerocities.events.contract.community.GroupMemberJoined;
import org.netzerocities.events.contract.community.ManifestoAccepted;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events the onboarding kit is built from: this service's own member events (consumed like any other
 * service would, so the checklist follows the member aggregate without calling into it), the groups'
 * GroupMemberJoined, the calendar's EventRegistrationChanged and learning's LearnerEnrolled.
 */
@Configuration(proxyBeanMethods = false)
class OnboardingEvents {

    /** The checklist, acceptances and amendment proposals, in the member's data export. */
    @Bean
    PersonalData onboardingOfMember(OnboardingPersonalData data) {
        return new PersonalData("onboarding", data::of);
    }

    @Bean
    EventHandler<MemberJoined> onboardingOnMemberJoined(OnboardingService onboarding) {
        return EventHandler.on(EventCatalog.MEMBER_JOINED, (joined, event) -> onboarding.joined(joined, event.id()));
    }

    @Bean
    EventHandler<MemberProfileUpdated> onboardingOnProfileUpdated(OnboardingService onboarding) {
        return EventHandler.on(EventCatalog.MEMBER_PROFILE_UPDATED,
                (updated, event) -> onboarding.profileUpdated(updated, event.id()));
    }

    /** ENROLLED or PROMOTED completes the programme step; WAITLISTED does not (no place in the cohort yet). */
    @Bean
    EventHandler<LearnerEnrolled> onboardingOnLearnerEnrolled(OnboardingService onboarding) {
        return EventHandler.on(EventCatalog.LEARNER_ENROLLED,
                (enrolled, event) -> onboarding.enrolled(enrolled, event.id()));
    }

    /** A registration for a community event, with a seat or on the waitlist, completes the event step. */
    @Bean
    EventHandler<EventRegistrationChanged> onboardingOnEventRegistration(OnboardingService onboarding) {
        return EventHandler.on(EventCatalog.EVENT_REGISTRATION_CHANGED,
                (registration, event) -> onboarding.registeredForEvent(registration, event.id()));
    }

    /** Being in any group, however the member got there, completes the "join-a-group" step. */
    @Bean
    EventHandler<GroupMemberJoined> onboardingOnGroupMemberJoined(OnboardingService onboarding) {
        return EventHandler.on(EventCatalog.GROUP_MEMBER_JOINED,
                (joined, event) -> onboarding.joinedGroup(joined.memberId(), event.id()));
    }

    @Bean
    EventHandler<MemberErased> onboardingOnMemberErased(OnboardingService onboarding) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> onboarding.erased(erased, event.id()));
    }

    @Bean
    EventHandler<ManifestoAccepted> signatoryOnManifestoAccepted(SignatoryCounts signatories) {
        return EventHandler.on(EventCatalog.MANIFESTO_ACCEPTED,
                (accepted, event) -> signatories.accepted(accepted.version(), event.id()));
    }
}
