package org.netzerocities.learning.certificate;

import java.security.SecureRandom;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.support.PublicEndpoints;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How certificates come about (completions), what becomes of them with their holder, and who may verify them. */
@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

    /** Verification is for anyone the holder shows the code to: an employer has no token. */
    @Bean
    PublicEndpoints certificatePublicEndpoints() {
        return PublicEndpoints.of(PublicEndpoints.get("/api/learning/certificates/*"),
                PublicEndpoints.get("/api/learning/certificates/*/pdf"));
    }

    @Bean
    VerificationCodes verificationCodes() {
        return new VerificationCodes(new SecureRandom());
    }

    @Bean
    EventHandler<ProgramCompleted> certificateOnProgramCompleted(Certificates certificates) {
        return EventHandler.on(EventCatalog.PROGRAM_COMPLETED, (completed, event) -> certificates.issue(completed));
    }

    /** Names the holder of a certificate issued before the member's name reached the programme. */
    @Bean
    EventHandler<MemberJoined> certificateHolderOnMemberJoined(Certificates certificates) {
        return EventHandler.on(EventCatalog.MEMBER_JOINED,
                (joined, event) -> certificates.nameHolder(joined.memberId(), joined.displayName()));
    }

    /** The same for a member the programme first learns of from a profile update (an older member). */
    @Bean
    EventHandler<MemberProfileUpdated> certificateHolderOnProfileUpdated(Certificates certificates) {
        return EventHandler.on(EventCatalog.MEMBER_PROFILE_UPDATED,
                (updated, event) -> certificates.nameHolder(updated.memberId(), updated.displayName()));
    }

    @Bean
    EventHandler<MemberErased> certificatesOfErasedMember(Certificates certificates) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> certificates.anonymise(erased.memberId()));
    }

    /** The member's certificates, oldest first; those of an erased member hold nothing of them any more. */
    @Bean
    PersonalData certificatesOfMember(Certificates certificates) {
        return new PersonalData("certificates", certificates::export);
    }
}
