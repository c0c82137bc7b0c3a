package org.netzerocities.community.activity;

import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.PostPublished;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@link MemberActivities} in step with the events that make up the signal. Issuance and revocation of
 * a certificate share a key (the certificate id), so they arrive in order. Events organised come from the
 * calendar's EventScheduled; every post published on the message boards counts for its author.
 */
@Configuration(proxyBeanMethods = false)
class ActivityHandlers {

    @Bean
    EventHandler<CertificateIssued> activityOnCertificateIssued(MemberActivities activities) {
        return EventHandler.on(EventCatalog.CERTIFICATE_ISSUED, (issued, event) -> activities
                .certificateIssued(issued.memberId(), issued.certificateId(), event.id()));
    }

    @Bean
    EventHandler<CertificateRevoked> activityOnCertificateRevoked(MemberActivities activities) {
        return EventHandler.on(EventCatalog.CERTIFICATE_REVOKED, (revoked, event) -> activities
                .certificateRevoked(revoked.memberId(), revoked.certificateId(), event.id()));
    }

    @Bean
    EventHandler<PostPublished> activityOnPostPublished(MemberActivities activities) {
        return EventHandler.on(EventCatalog.POST_PUBLISHED,
                (published, event) -> activities.postPublished(published.authorId(), event.id()));
    }

    /** An event scheduled counts for its organiser; an update or cancellation later does not change the count. */
    @Bean
    EventHandler<EventScheduled> activityOnEventScheduled(MemberActivities activities) {
        return EventHandler.on(EventCatalog.EVENT_SCHEDULED, (scheduled, event) -> {
            if (scheduled.organiserId() != null) {
                activities.eventOrganised(scheduled.organiserId(), event.id());
            }
        });
    }

    /** The activity signal, in the member's data export. */
    @Bean
    PersonalData activityOfMember(MemberActivities activities) {
        return new PersonalData("activity", memberId -> activities.signalsOf(java.util.List.of(memberId)).get(memberId));
    }

    @Bean
    EventHandler<MemberErased> activityOnMemberErased(MemberActivities activities) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> activities.forget(erased.memberId()));
    }
}
