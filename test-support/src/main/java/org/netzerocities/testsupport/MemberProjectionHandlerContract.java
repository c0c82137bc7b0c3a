package org.netzerocities.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

/**
 * What a service's projection of community members keeps, on sample events, without Kafka or Spring: a member
 * who joined is held once however often the event comes, follows their profile, and is forgotten for good on
 * erasure. A service's handler test extends it with its handlers, its collection and how its record reads.
 *
 * @param <T> the service's record of a member
 */
public abstract class MemberProjectionHandlerContract<T> {

    private static final Instant JOINED_AT = Instant.parse("2026-11-28T10:00:00Z");

    /** A database of the test's own, on the shared server. */
    protected final MongoTemplate mongo;
    protected final String memberId = UUID.randomUUID().toString();

    /** @param service the service's name, which the test's database is named after */
    protected MemberProjectionHandlerContract(String service) {
        this.mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
                service + "-" + UUID.randomUUID());
    }

    protected abstract EventHandler<MemberJoined> onJoined();

    protected abstract EventHandler<MemberProfileUpdated> onProfileUpdated();

    protected abstract EventHandler<MemberErased> onErased();

    /** Records the member's erasure as service-support's handler does, before the projection's handler runs. */
    protected abstract void recordErasure(String memberId);

    /** The collection the projection keeps its members in. */
    protected abstract String collection();

    /** The service's record of a member. */
    protected abstract Class<T> recordType();

    /** What the service's record holds of the member's profile. */
    protected abstract Profile profileOf(T record);

    /** The profile fields a member's record holds. */
    public record Profile(String displayName, String city, List<String> languages, List<String> interests,
            Instant joinedAt) {
    }

    @Test
    void aMemberWhoJoinedIsHeldOnceHoweverOftenTheEventComes() {
        var event = HandlerHarness.deliver(onJoined(), memberId, joinedIn("cluj-napoca"));
        HandlerHarness.redeliver(onJoined(), event);

        Profile profile = profileOf(mongo.findById(memberId, recordType()));
        assertThat(profile.city()).isEqualTo("cluj-napoca");
        assertThat(profile.languages()).containsExactly("ro");
        assertThat(profile.interests()).containsExactly("energy");
        assertThat(mongo.findById(memberId, Document.class, collection()).getList("appliedEvents", String.class))
                .containsExactly(event.id());
    }

    @Test
    void aProfileUpdateIsFollowedAndKeepsWhenTheMemberJoined() {
        HandlerHarness.deliver(onJoined(), memberId, joinedIn("cluj-napoca"));

        HandlerHarness.deliver(onProfileUpdated(), memberId, updatedTo("malmo"));

        Profile profile = profileOf(mongo.findById(memberId, recordType()));
        assertThat(profile.displayName()).isEqualTo("Ana M.");
        assertThat(profile.city()).isEqualTo("malmo");
        assertThat(profile.languages()).containsExactly("sv", "ro");
        assertThat(profile.interests()).containsExactly("mobility");
        assertThat(profile.joinedAt()).isEqualTo(JOINED_AT);
    }

    @Test
    void anErasedMemberIsForgottenAndNoReplayOrLaterUpdateBringsThemBack() {
        var joinedEvent = HandlerHarness.deliver(onJoined(), memberId, joinedIn("cluj-napoca"));

        erase();
        HandlerHarness.redeliver(onJoined(), joinedEvent);
        HandlerHarness.deliver(onProfileUpdated(), memberId, updatedTo("malmo"));

        assertThat(mongo.findById(memberId, Document.class, collection())).isNull();
    }

    /** As the dispatcher runs them: service-support's handler records the erasure first. */
    private void erase() {
        recordErasure(memberId);
        HandlerHarness.deliver(onErased(), memberId, new MemberErased(memberId, "cluj-napoca", Instant.now()));
    }

    private MemberJoined joinedIn(String city) {
        return new MemberJoined(memberId, "Ana", city, List.of("ro"), List.of("energy"), "Europe/Bucharest", null,
                null, true, JOINED_AT);
    }

    private MemberProfileUpdated updatedTo(String city) {
        return new MemberProfileUpdated(memberId, "Ana M.", city, "cluj-napoca", List.of("sv", "ro"),
                List.of("mobility"), "Europe/Stockholm", true, true, Instant.now());
    }
}
