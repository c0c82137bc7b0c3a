package org.netzerocities.learning.learner;

import java.time.Duration;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.MemberProjectionHandlerContract;

/** The learner projection's handlers on sample events, without Kafka or Spring. */
class LearnerProjectionHandlerTest extends MemberProjectionHandlerContract<Learner> {

    private final RefusedMembers refused = new RefusedMembers(mongo, Duration.ofMinutes(1));
    private final LearnerProjection projection = new LearnerProjection();

    LearnerProjectionHandlerTest() {
        super("learning");
    }

    @Override
    protected EventHandler<MemberJoined> onJoined() {
        return projection.learnerOnMemberJoined(mongo, refused);
    }

    @Override
    protected EventHandler<MemberProfileUpdated> onProfileUpdated() {
        return projection.learnerOnProfileUpdated(mongo, refused);
    }

    @Override
    protected EventHandler<MemberErased> onErased() {
        return projection.learnerOnMemberErased(mongo, refused);
    }

    @Override
    protected void recordErasure(String memberId) {
        refused.refuse(memberId, RefusedMembers.Reason.ERASED);
    }

    @Override
    protected String collection() {
        return "learners";
    }

    @Override
    protected Class<Learner> recordType() {
        return Learner.class;
    }

    @Override
    protected Profile profileOf(Learner learner) {
        return new Profile(learner.displayName(), learner.city(), learner.languages(), learner.interests(),
                learner.joinedAt());
    }
}
