package org.netzerocities.campaign.idea;

import org.netzerocities.campaign.audience.Citizen;
import org.netzerocities.campaign.idea.ContentIdea.Kind;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.CallToJoinLaunched;
import org.netzerocities.events.contract.community.ContentPinned;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns other features' events into content ideas, one per source (the id is derived from it, so a redelivery or
 * replay offers nothing new). Organisers and launchers are not kept: an idea names a member only when it is about
 * them, and is gone with their account.
 */
@Configuration(proxyBeanMethods = false)
class IdeaHandlers {

    static final String IMPACT_STORY_TITLE = "A citizen completed the NZC capability-building programme";

    @Bean
    EventHandler<EventScheduled> ideaOnEventScheduled(ContentIdeas ideas) {
        return EventHandler.on(EventCatalog.EVENT_SCHEDULED, (scheduled, event) -> ideas.offer(ContentIdea.open(
                Kind.EVENT, scheduled.eventId(), scheduled.city(), scheduled.title(), null, scheduled.topics(), null,
                null, scheduled.startsAt(), null, ideas.now())));
    }

    @Bean
    EventHandler<CallToJoinLaunched> ideaOnCallToJoinLaunched(ContentIdeas ideas) {
        return EventHandler.on(EventCatalog.CALL_TO_JOIN_LAUNCHED, (call, event) -> ideas.offer(ContentIdea.open(
                Kind.CALL_TO_JOIN, call.callId(), call.city(), call.title(), null, call.topics(), null, null,
                call.closesAt(), call.code(), ideas.now())));
    }

    /** The member's own content, credited with their name for the repost. */
    @Bean
    EventHandler<ContentPinned> ideaOnContentPinned(ContentIdeas ideas) {
        return EventHandler.on(EventCatalog.CONTENT_PINNED, (pinned, event) -> {
            Citizen author = ideas.citizen(pinned.memberId());
            ideas.offer(ContentIdea.open(Kind.MEMBER_CONTENT, pinned.pinId(), pinned.city(), pinned.title(),
                    pinned.url(), pinned.tags(), pinned.memberId(), author == null ? null : author.displayName(), null,
                    null, ideas.now()));
        });
    }

    /**
     * An impact story for the channel of the citizen's city (the main channel's when campaigns know no city of
     * theirs): only their name and city, nothing of their cohort or certificate beyond its id.
     */
    @Bean
    EventHandler<CertificateIssued> ideaOnCertificateIssued(ContentIdeas ideas) {
        return EventHandler.on(EventCatalog.CERTIFICATE_ISSUED, (issued, event) -> {
            Citizen citizen = ideas.citizen(issued.memberId());
            ideas.offer(ContentIdea.open(Kind.IMPACT_STORY, issued.certificateId(),
                    citizen == null ? null : citizen.city(), IMPACT_STORY_TITLE, null, null, issued.memberId(),
                    citizen == null ? null : citizen.displayName(), null, null, ideas.now()));
        });
    }

    /** Ideas about the member (their content, their impact story), in their data export. */
    @Bean
    PersonalData contentIdeasAboutMember(ContentIdeas ideas) {
        return new PersonalData("contentIdeas", ideas::about);
    }

    @Bean
    EventHandler<MemberErased> contentIdeasOfErasedMember(ContentIdeas ideas) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> ideas.forget(erased.memberId()));
    }
}
