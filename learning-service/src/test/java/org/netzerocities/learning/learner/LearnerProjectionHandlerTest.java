package org.netzerocities.learning.learner;

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

/** The learner projection's handlers on sample events, without Kafka or Spring. */
class LearnerProjectionHandlerTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "learning-" + UUID.randomUUID());
    private final RefusedMembers refused = new RefusedMembers(mongo, Duration.ofMinutes(1));
    private final LearnerProjection projection = new LearnerProjection();
    private final EventHandler<MemberJoined> joined = projection.learnerOnMemberJoined(mongo, refused);
    private final EventHandler<MemberProfileUpdated> updated = projection.learnerOnProfileUpdated(mongo, refused);
    private final EventHandler<MemberErased> erased = projection.learnerOnMemberErased(mongo, refused);
    private final String memberId = UUID.randomUUID().toString();

    @Test
    void aMemberWhoJoinedBecomesALearnerOnceHoweverOftenTheEventComes() {
        var event = HandlerHarness.deliver(joined, memberId, joinedIn("cluj-napoca"));
        HandlerHarness.redeliver(joined, event);

        Learner learner = mongo.findById(memberId, Learner.class);
        assertThat(learner.city()).isEqualTo("cluj-napoca");
        assertThat(learner.languages()).containsExactly("ro");
        assertThat(learner.interests()).containsExactly("energy");
        assertThat(mongo.findById(memberId, Document.class, "learners").getList("appliedEvents", String.class))
                .containsExactly(event.id());
    }

    @Test
    void aProfileUpdateIsFollowedAndKeepsWhenTheMemberJoined() {
        HandlerHarness.deliver(joined, memberId, joinedIn("cluj-napoca"));

        HandlerHarness.deliver(updated, memberId, updatedTo("malmo"));

        Learner learner = mongo.findById(memberId, Learner.class);
        assertThat(learner.displayName()).isEqualTo("Ana M.");
        assertThat(learner.city()).isEqualTo("malmo");
        assertThat(learner.languages()).containsExactly("sv", "ro");
        assertThat(learner.interests()).containsExactly("mobility");
        assertThat(learner.joinedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void anErasedMemberIsNoLearnerAnyMoreAndNoReplayOrLaterUpdateBringsThemBack() {
        var joinedEvent = HandlerHarness.deliver(joined, memberId, joinedIn("cluj-napoca"));

        erase();
        HandlerHarness.redeliver(joined, joinedEvent);
        HandlerHarness.deliver(updated, memberId, updatedTo("malmo"));

        assertThat(mongo.findById(memberId, Document.class, "learners")).isNull();
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
