package org.netzerocities.campaign.audience;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.support.member.MemberProjection;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** Keeps the campaign audience in step with community-service's members, and forgets erased ones. */
@Configuration(proxyBeanMethods = false)
class AudienceProjection {

    static final String COLLECTION = "citizens";

    @Bean
    EventHandler<MemberJoined> audienceOnMemberJoined(MongoTemplate mongo, RefusedMembers refused) {
        return citizens(mongo, refused).upserting(EventCatalog.MEMBER_JOINED, MemberJoined::memberId,
                joined -> new Update().set("displayName", joined.displayName()).set("city", joined.city())
                        .set("languages", joined.languages()).set("interests", joined.interests())
                        .set("joinedAt", joined.joinedAt()));
    }

    @Bean
    EventHandler<MemberProfileUpdated> audienceOnProfileUpdated(MongoTemplate mongo, RefusedMembers refused) {
        return citizens(mongo, refused).upserting(EventCatalog.MEMBER_PROFILE_UPDATED, MemberProfileUpdated::memberId,
                updated -> new Update().set("displayName", updated.displayName()).set("city", updated.city())
                        .set("languages", updated.languages()).set("interests", updated.interests()));
    }

    @Bean
    EventHandler<MemberErased> audienceOnMemberErased(MongoTemplate mongo, RefusedMembers refused) {
        return citizens(mongo, refused).erasing();
    }

    @Bean
    PersonalData citizenRecord(CitizenRepository citizens) {
        return new PersonalData("citizen", memberId -> citizens.findById(memberId).orElse(null));
    }

    private static MemberProjection citizens(MongoTemplate mongo, RefusedMembers refused) {
        return new MemberProjection(mongo, COLLECTION, refused);
    }
}
