package org.netzerocities.learning.learner;

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

/** Keeps {@link Learner}s in step with community-service's members, and forgets erased ones. */
@Configuration(proxyBeanMethods = false)
class LearnerProjection {

    static final String COLLECTION = "learners";

    @Bean
    EventHandler<MemberJoined> learnerOnMemberJoined(MongoTemplate mongo, RefusedMembers refused) {
        return learners(mongo, refused).upserting(EventCatalog.MEMBER_JOINED, MemberJoined::memberId,
                joined -> new Update().set("displayName", joined.displayName()).set("city", joined.city())
                        .set("languages", joined.languages()).set("interests", joined.interests())
                        .set("joinedAt", joined.joinedAt()));
    }

    @Bean
    EventHandler<MemberProfileUpdated> learnerOnProfileUpdated(MongoTemplate mongo, RefusedMembers refused) {
        return learners(mongo, refused).upserting(EventCatalog.MEMBER_PROFILE_UPDATED, MemberProfileUpdated::memberId,
                updated -> new Update().set("displayName", updated.displayName()).set("city", updated.city())
                        .set("languages", updated.languages()).set("interests", updated.interests()));
    }

    @Bean
    EventHandler<MemberErased> learnerOnMemberErased(MongoTemplate mongo, RefusedMembers refused) {
        return learners(mongo, refused).erasing();
    }

    @Bean
    PersonalData learnerRecord(LearnerRepository learners) {
        return new PersonalData("learner", memberId -> learners.findById(memberId).orElse(null));
    }

    private static MemberProjection learners(MongoTemplate mongo, RefusedMembers refused) {
        return new MemberProjection(mongo, COLLECTION, refused);
    }
}
