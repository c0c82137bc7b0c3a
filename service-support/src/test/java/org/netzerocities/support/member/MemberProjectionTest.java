package org.netzerocities.support.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.support.member.RefusedMembers.Reason;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClients;

/** A member projection's handlers on sample events, over a real (embedded) database, without Kafka or Spring. */
class MemberProjectionTest {

    private static final String COLLECTION = "members_seen_here";

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "projection-" + UUID.randomUUID());
    private final RefusedMembers refused = new RefusedMembers(mongo, Duration.ofMinutes(1));
    private final MemberProjection projection = new MemberProjection(mongo, COLLECTION, refused);
    private final EventHandler<MemberJoined> joined = projection.upserting(EventCatalog.MEMBER_JOINED,
            MemberJoined::memberId, event -> new Update().set("city", event.city()));
    private final EventHandler<MemberErased> erasing = projection.erasing();

    @Test
    void anEventCreatesTheMembersDocumentOnce() {
        String member = UUID.randomUUID().toString();

        var event = HandlerHarness.deliver(joined, member, joinedIn(member, "malmo"));
        HandlerHarness.redeliver(joined, event);

        assertThat(document(member).getString("city")).isEqualTo("malmo");
        assertThat(document(member).getList("appliedEvents", String.class)).containsExactly(event.id());
    }

    @Test
    void erasureLeavesNothingOfTheMemberThatAReplayedOlderEventCouldRecreate() {
        String member = UUID.randomUUID().toString();
        var joinedEvent = HandlerHarness.deliver(joined, member, joinedIn(member, "malmo"));

        erase(member);
        HandlerHarness.redeliver(joined, joinedEvent);
        HandlerHarness.deliver(joined, member, joinedIn(member, "malmo"));

        assertThat(document(member)).isNull();
        assertThat(mongo.getCollection(COLLECTION).countDocuments()).isZero();
    }

    @Test
    void aWriteThatRacedWithTheErasureIsUndone() {
        String member = UUID.randomUUID().toString();
        // the erasure is recorded after the upsert's first check, but before its second: as on another topic
        EventHandler<MemberJoined> racing = projection.upserting(EventCatalog.MEMBER_JOINED, MemberJoined::memberId,
                event -> {
                    refused.refuse(member, Reason.ERASED);
                    return new Update().set("city", event.city());
                });

        HandlerHarness.deliver(racing, member, joinedIn(member, "malmo"));

        assertThat(document(member)).isNull();
    }

    @Test
    void aTombstoneForgetsTheMember() {
        String member = UUID.randomUUID().toString();
        HandlerHarness.deliver(joined, member, joinedIn(member, "malmo"));

        projection.forgettingOn(EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC).forget(member);

        assertThat(document(member)).isNull();
    }

    @Test
    void erasingAMemberNeverSeenOrTwiceIsHarmless() {
        String member = UUID.randomUUID().toString();

        erase(member);
        erase(member);

        assertThat(document(member)).isNull();
    }

    private void erase(String member) {
        refused.refuse(member, Reason.ERASED);
        HandlerHarness.deliver(erasing, member, new MemberErased(member, "malmo", Instant.now()));
    }

    private Document document(String member) {
        return mongo.findById(member, Document.class, COLLECTION);
    }

    private static MemberJoined joinedIn(String member, String city) {
        return new MemberJoined(member, "Ana", city, List.of("sv"), List.of("energy"), "Europe/Stockholm", null, null,
                true, Instant.now());
    }
}
