package org.netzerocities.notification.contact;

import org.bson.Document;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.consumer.TombstoneHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.community.MemberRoleGranted;
import org.netzerocities.events.contract.community.MemberRoleRevoked;
import org.netzerocities.support.member.MemberProjection;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keeps each {@link MemberContact} in step with community-service: the contact from the internal compacted contact
 * topic (a tombstone forgets it), the profile and city roles from the members topic. Across the two topics events
 * of one member arrive in any order, so each handler sets only its own fields and creates the document if need
 * be. {@code timeZone} comes from both; community-service publishes a change on both, so the latest of each topic,
 * which is applied last there, is the same.
 */
@Configuration(proxyBeanMethods = false)
class ContactProjection {

    static final String COLLECTION = "member_contacts";

    @Bean
    MemberProjection memberContacts(MongoTemplate mongo, RefusedMembers refused) {
        return new MemberProjection(mongo, COLLECTION, refused);
    }

    @Bean
    EventHandler<MemberContactChanged> contactOnContactChanged(MemberProjection memberContacts) {
        return memberContacts.upserting(EventCatalog.MEMBER_CONTACT_CHANGED, MemberContactChanged::memberId,
                contact -> new Update().set("email", contact.email()).set("emailVerified", contact.emailVerified())
                        .set("language", contact.language()).set("timeZone", contact.timeZone()));
    }

    @Bean
    TombstoneHandler contactOnTombstone(MemberProjection memberContacts) {
        return memberContacts.forgettingOn(EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC);
    }

    @Bean
    EventHandler<MemberJoined> contactOnMemberJoined(MemberProjection memberContacts) {
        return memberContacts.upserting(EventCatalog.MEMBER_JOINED, MemberJoined::memberId,
                joined -> new Update().set("displayName", joined.displayName()).set("city", joined.city())
                        .set("languages", joined.languages()).set("interests", joined.interests()));
    }

    @Bean
    EventHandler<MemberProfileUpdated> contactOnProfileUpdated(MemberProjection memberContacts) {
        return memberContacts.upserting(EventCatalog.MEMBER_PROFILE_UPDATED, MemberProfileUpdated::memberId,
                updated -> new Update().set("displayName", updated.displayName()).set("city", updated.city())
                        .set("languages", updated.languages()).set("interests", updated.interests())
                        .set("timeZone", updated.timeZone()).set("directoryVisible", updated.directoryVisible()));
    }

    /** Only city-bound roles define audiences here; a global role changes nothing. */
    @Bean
    EventHandler<MemberRoleGranted> contactOnRoleGranted(MemberProjection memberContacts) {
        return memberContacts.upserting(EventCatalog.MEMBER_ROLE_GRANTED, MemberRoleGranted::memberId,
                granted -> granted.city() == null ? new Update()
                        : new Update().addToSet("cityRoles", cityRole(granted.role(), granted.city())));
    }

    @Bean
    EventHandler<MemberRoleRevoked> contactOnRoleRevoked(MemberProjection memberContacts) {
        return memberContacts.upserting(EventCatalog.MEMBER_ROLE_REVOKED, MemberRoleRevoked::memberId,
                revoked -> revoked.city() == null ? new Update()
                        : new Update().pull("cityRoles", cityRole(revoked.role(), revoked.city())));
    }

    @Bean
    EventHandler<MemberErased> contactOnMemberErased(MemberProjection memberContacts) {
        return memberContacts.erasing();
    }

    @Bean
    PersonalData contactOfMember(MemberContactRepository contacts) {
        return new PersonalData("contact", memberId -> contacts.findById(memberId).orElse(null));
    }

    private static Document cityRole(String role, String city) {
        return new Document("role", role).append("city", city);
    }
}
