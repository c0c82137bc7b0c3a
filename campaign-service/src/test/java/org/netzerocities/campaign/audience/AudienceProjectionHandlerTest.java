package org.netzerocities.campaign.audience;

import java.time.Duration;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.MemberProjectionHandlerContract;

/** The audience projection's handlers on sample events, without Kafka or Spring. */
class AudienceProjectionHandlerTest extends MemberProjectionHandlerContract<Citizen> {

    private final RefusedMembers refused = new RefusedMembers(mongo, Duration.ofMinutes(1));
    private final AudienceProjection projection = new AudienceProjection();

    AudienceProjectionHandlerTest() {
        super("campaign");
    }

    @Override
    protected EventHandler<MemberJoined> onJoined() {
        return projection.audienceOnMemberJoined(mongo, refused);
    }

    @Override
    protected EventHandler<MemberProfileUpdated> onProfileUpdated() {
        return projection.audienceOnProfileUpdated(mongo, refused);
    }

    @Override
    protected EventHandler<MemberErased> onErased() {
        return projection.audienceOnMemberErased(mongo, refused);
    }

    @Override
    protected void recordErasure(String memberId) {
        refused.refuse(memberId, RefusedMembers.Reason.ERASED);
    }

    @Override
    protected String collection() {
        return "citizens";
    }

    @Override
    protected Class<Citizen> recordType() {
        return Citizen.class;
    }

    @Override
    protected Profile profileOf(Citizen citizen) {
        return new Profile(citizen.displayName(), citizen.city(), citizen.languages(), citizen.interests(),
                citizen.joinedAt());
    }
}
