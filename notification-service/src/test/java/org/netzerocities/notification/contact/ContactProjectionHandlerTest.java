package org.netzerocities.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.community.MemberRoleGranted;
import org.netzerocities.events.contract.community.MemberRoleRevoked;
import org.netzerocities.notification.contact.MemberContact.CityRole;
import org.netzerocities.support.member.MemberProjection;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

/** The recipient projection's handlers on sample events, in the orders two topics can deliver them. */
class ContactProjectionHandlerTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "notification-" + UUID.randomUUID());
    private final RefusedMembers refused = new RefusedMembers(mongo, Duration.ofMinutes(1));
    private final ContactProjection projection = new ContactProjection();
    private final MemberProjection contacts = projection.memberContacts(mongo, refused);
    private final String memberId = UUID.randomUUID().toString();

    @Test
    void theContactAndTheProfileMakeOneRecipientWhicheverArrivesFirst() {
        String contactFirst = memberId;
        contact(contactFirst);
        joined(contactFirst);
        String joinedFirst = UUID.randomUUID().toString();
        joined(joinedFirst);
        contact(joinedFirst);

        for (String member : List.of(contactFirst, joinedFirst)) {
            MemberContact recipient = mongo.findById(member, MemberContact.class);
            assertThat(recipient.email()).isEqualTo(member + "@example.org");
            assertThat(recipient.emailVerified()).isTrue();
            assertThat(recipient.language()).isEqualTo("ro");
            assertThat(recipient.timeZone()).isEqualTo("Europe/Bucharest");
            assertThat(recipient.displayName()).isEqualTo("Ana");
            assertThat(recipient.city()).isEqualTo("cluj-napoca");
            assertThat(recipient.languages()).containsExactly("ro", "en");
        }
    }

    @Test
    void aProfileUpdateIsFollowedAndLeavesTheContactAsItIs() {
        contact(memberId);
        joined(memberId);

        HandlerHarness.deliver(projection.contactOnProfileUpdated(contacts), memberId, new MemberProfileUpdated(
                memberId, "Ana M.", "malmo", "cluj-napoca", List.of("sv"), List.of("mobility"), "Europe/Stockholm",
                true, true, Instant.now()));

        MemberContact recipient = mongo.findById(memberId, MemberContact.class);
        assertThat(recipient.displayName()).isEqualTo("Ana M.");
        assertThat(recipient.city()).isEqualTo("malmo");
        assertThat(recipient.languages()).containsExactly("sv");
        assertThat(recipient.interests()).containsExactly("mobility");
        assertThat(recipient.timeZone()).isEqualTo("Europe/Stockholm");
        assertThat(recipient.directoryVisible()).isTrue();
        assertThat(recipient.email()).isEqualTo(memberId + "@example.org");
    }

    @Test
    void cityRolesAreKeptForAudiencesAndGlobalRolesAreNot() {
        joined(memberId);
        var grant = projection.contactOnRoleGranted(contacts);
        var revoke = projection.contactOnRoleRevoked(contacts);

        HandlerHarness.deliver(grant, memberId, granted("TRANSITION_TEAM", "cluj-napoca"));
        HandlerHarness.deliver(grant, memberId, granted("FRONTRUNNER", "cluj-napoca"));
        HandlerHarness.deliver(grant, memberId, granted("FACILITATOR", null));
        HandlerHarness.deliver(revoke, memberId, new MemberRoleRevoked(memberId, "FRONTRUNNER", "cluj-napoca",
                "admin-1", Instant.now()));
        HandlerHarness.deliver(revoke, memberId, new MemberRoleRevoked(memberId, "TRANSITION_TEAM", "malmo",
                "admin-1", Instant.now()));

        assertThat(mongo.findById(memberId, MemberContact.class).cityRoles())
                .containsExactly(new CityRole("TRANSITION_TEAM", "cluj-napoca"));
    }

    @Test
    void aTombstoneOnTheContactTopicForgetsTheRecipient() {
        contact(memberId);
        joined(memberId);

        projection.contactOnTombstone(contacts).forget(memberId);

        assertThat(mongo.findById(memberId, MemberContact.class)).isNull();
    }

    @Test
    void anErasedMembersContactArrivingLateOnItsTopicIsNotKept() {
        joined(memberId);
        refused.refuse(memberId, RefusedMembers.Reason.ERASED);
        HandlerHarness.deliver(projection.contactOnMemberErased(contacts), memberId,
                new MemberErased(memberId, "cluj-napoca", Instant.now()));

        contact(memberId);
        joined(memberId);

        assertThat(mongo.findById(memberId, MemberContact.class)).isNull();
    }

    private void contact(String member) {
        HandlerHarness.deliver(projection.contactOnContactChanged(contacts), member, new MemberContactChanged(member,
                member + "@example.org", true, "ro", "Europe/Bucharest", "Ana"));
    }

    private void joined(String member) {
        HandlerHarness.deliver(projection.contactOnMemberJoined(contacts), member, new MemberJoined(member, "Ana",
                "cluj-napoca", List.of("ro", "en"), List.of("energy"), "Europe/Bucharest", null, null, true,
                Instant.now()));
    }

    private MemberRoleGranted granted(String role, String city) {
        return new MemberRoleGranted(memberId, role, city, "admin-1", Instant.now());
    }
}
