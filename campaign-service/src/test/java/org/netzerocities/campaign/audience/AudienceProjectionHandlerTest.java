package org.netzerocities.campaign.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

/** The audience projection's handlers on sample events, without Kafka or Spring. */
class AudienceProjectionHandlerTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "campaign-" + UUID.randomUUID());
    private final RefusedMembers refused = new RefusedMembers(mongo, Duration.ofMinutes(1));
    private final AudienceProjection projection = new AudienceProjection();
    private final EventHandler<MemberJoined> joined = projection.audienceOnMemberJoined(mongo, refused);
    private final EventHandler<MemberProfileUpdated> updated = projection.audienceOnProfileUpdated(mongo, refused);
    private final EventHandler<MemberErased> erased = projection.audienceOnMemberErased(mongo, refused);
    private final String memberId = UUID.randomUUID().toString();

    @Test
    void aMemberWhoJoinedJoinsTheAudienceOnceHoweverOftenTheEventComes() {
        var event = HandlerHarness.deliver(joined, memberId, joinedIn("cluj-napoca"));
        HandlerHarness.redeliver(joined, event);

        Citizen citizen = mongo.findById(memberId, Citizen.class);
        assertThat(citizen.city()).isEqualTo("cluj-napoca");
        assertThat(citizen.languages()).containsExactly("ro");
        assertThat(citizen.interests()).containsExactly("energy");
        assertThat(mongo.findById(memberId, Document.class, "citizens").getList("appliedEvents", String.class))
                .containsExactly(event.id());
    }

    @Test
    void aProfileUpdateIsFollowedAndKeepsWhenTheMemberJoined() {
        HandlerHarness.deliver(joined, memberId, joinedIn("cluj-napoca"));

        HandlerHarness.deliver(updated, memberId, updatedTo("malmo"));

        Citizen citizen = mongo.findById(memberId, Citizen.class);
        assertThat(citizen.displayName()).isEqualTo("Ana M.");
        assertThat(citizen.city()).isEqualTo("malmo");
        assertThat(citizen.languages()).containsExactly("sv", "ro");
        assertThat(citizen.interests()).containsExactly("mobility");
        assertThat(citizen.joinedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void anErasedMemberLeavesTheAudienceAndNoReplayOrLaterUpdateBringsThemBack() {
        var joinedEvent = HandlerHarness.deliver(joined, memberId, joinedIn("cluj-napoca"));

        erase();
        HandlerHarness.redeliver(joined, joinedEvent);
        HandlerHarness.deliver(updated, memberId, updatedTo("malmo"));

        assertThat(mongo.findById(memberId, Document.class, "citizens")).isNull();
    }

    /** As the dispatcher runs them: service-support's handler records the erasure first. */
    private void erase() {
        refused.refuse(memberId, RefusedMembers.Reason.ERASED);
        HandlerHarness.deliver(erased, memberId, new MemberErased(memberId, "cluj-napoca", Instant.now()));
    }

    private MemberJoined joinedIn(String city) {
        return new MemberJoined(memberId, "Ana", city, List.of("ro"), List.of("energy"), "Europe/Bucharest", null,
                null, true, Instant.parse("2026-11-28T10:00:00Z"));
    }

    private MemberProfileUpdated updatedTo(String city) {
        return new MemberProfileUpdated(memberId, "Ana M.", city, "cluj-napoca", List.of("sv", "ro"),
                List.of("mobility"), "Europe/Stockholm", true, true, Instant.now());
    }
}
