package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.outbox.PendingEvent;

class MemberTest {

    static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final Member ana = ProfilePatchTest.ana();

    private ProfilePatch.ProfileEdit edit(String city, String bio) {
        return new ProfilePatch.ProfileEdit("Ana", bio, city, List.of("ro"), List.of("energy"), SocialHandles.NONE,
                null, true);
    }

    private List<String> types() {
        return ana.outbox().stream().map(PendingEvent::type).toList();
    }

    @Test
    void joiningAnnouncesTheMemberAndTheirContactSeparately() {
        assertThat(ana.outbox()).extracting(PendingEvent::topic).containsExactly(
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC);
        assertThat(ana.outbox().get(0).data()).doesNotContain("ana@example.org").contains("\"timeZone\":\"Europe/Bucharest\"");
        assertThat(ana.outbox().get(1).data()).contains("ana@example.org");
        assertThat(ana.joinedWeek()).isEqualTo("2026-W48");
    }

    @Test
    void aMemberRecordsTheTermsAcceptedAtJoiningAndOnlyEverANewerVersionAfter() {
        assertThat(ana.termsVersion()).isEqualTo(1);

        assertThat(ana.acceptTerms(3)).isTrue();
        assertThat(ana.acceptTerms(3)).as("the same version again").isFalse();
        assertThat(ana.acceptTerms(2)).as("an older version").isFalse();

        assertThat(ana.termsVersion()).isEqualTo(3);
        assertThat(ana.outbox()).as("nothing announced").hasSize(2);
    }

    @Test
    void aProfileIsCompleteWithABio() {
        assertThat(ana.profileComplete()).isFalse();

        ana.edit(edit("cluj-napoca", "Energy communities in Cluj"), BUCHAREST, ProfilePatchTest.NOW,
                ProfilePatchTest.EVENTS);

        assertThat(ana.profileComplete()).isTrue();
        assertThat(ana.outbox().get(2).data()).contains("\"profileComplete\":true");
    }

    @Test
    void movingEndsTheCityRolesOfTheOldCityAndSaysWhereFrom() {
        ana.grant(new RoleGrant(Role.FRONTRUNNER, "cluj-napoca"), "m-2", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);
        ana.grant(RoleGrant.global(Role.FACILITATOR), "m-2", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        ana.edit(edit("milan", null), ROME, ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        assertThat(ana.roles()).containsExactlyInAnyOrder(RoleGrant.global(Role.MEMBER),
                RoleGrant.global(Role.FACILITATOR));
        assertThat(types()).containsSubsequence(EventCatalog.MEMBER_ROLE_REVOKED.type(),
                EventCatalog.MEMBER_PROFILE_UPDATED.type(), EventCatalog.MEMBER_CONTACT_CHANGED.type());
        PendingEvent updated = ana.outbox().stream()
                .filter(e -> e.type().equals(EventCatalog.MEMBER_PROFILE_UPDATED.type())).findFirst().orElseThrow();
        assertThat(updated.data()).contains("\"previousCity\":\"cluj-napoca\"").contains("\"timeZone\":\"Europe/Rome\"");
        assertThat(ana.keywords()).contains("ana");
    }

    @Test
    void anEditThatChangesNothingAnnouncesNothing() {
        int before = ana.outbox().size();

        boolean changed = ana.edit(new ProfilePatch.ProfileEdit("Ana", null, "cluj-napoca", List.of("ro"),
                List.of("energy"), SocialHandles.NONE, null, false), BUCHAREST, ProfilePatchTest.NOW,
                ProfilePatchTest.EVENTS);

        assertThat(changed).isFalse();
        assertThat(ana.outbox()).hasSize(before);
    }

    @Test
    void grantingOrRevokingTwiceAnnouncesOnce() {
        RoleGrant frontrunner = new RoleGrant(Role.FRONTRUNNER, "cluj-napoca");
        assertThat(ana.grant(frontrunner, "m-2", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS)).isTrue();
        assertThat(ana.grant(frontrunner, "m-2", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS)).isFalse();
        assertThat(ana.revoke(frontrunner, "m-2", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS)).isTrue();
        assertThat(ana.revoke(frontrunner, "m-2", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS)).isFalse();

        assertThat(types()).filteredOn(t -> t.contains("role-")).containsExactly(
                EventCatalog.MEMBER_ROLE_GRANTED.type(), EventCatalog.MEMBER_ROLE_REVOKED.type());
    }

    @Test
    void erasureKeepsNoPersonalDataAndTombstonesTheContact() {
        ana.erase("m-1", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        assertThat(ana.erased()).isTrue();
        assertThat(ana.email()).isEqualTo("erased:m-1");
        assertThat(ana.passwordHash()).isNull();
        assertThat(ana.displayName()).isNull();
        assertThat(ana.city()).isNull();
        assertThat(ana.languages()).isEmpty();
        assertThat(ana.keywords()).isEmpty();
        assertThat(ana.roles()).isEmpty();
        assertThat(ana.directoryVisible()).isFalse();
        PendingEvent erased = ana.outbox().get(ana.outbox().size() - 2);
        PendingEvent tombstone = ana.outbox().get(ana.outbox().size() - 1);
        assertThat(erased.type()).isEqualTo(EventCatalog.MEMBER_ERASED.type());
        assertThat(erased.data()).contains("\"city\":\"cluj-napoca\"");
        assertThat(tombstone.topic()).isEqualTo(EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC);
        assertThat(tombstone.key()).isEqualTo("m-1");
        assertThat(tombstone.data()).isNull();
    }

    @Test
    void aSuspensionEndsTheSessionsIsAnnouncedWithoutItsReasonAndKeepsTheReasonForTheAuditLog() {
        assertThat(ana.suspend("spam in three groups", "admin-1", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS))
                .isTrue();

        assertThat(ana.suspended()).isTrue();
        assertThat(ana.sessionsValidAfter()).isEqualTo(ProfilePatchTest.NOW);
        PendingEvent suspended = last();
        assertThat(suspended.type()).isEqualTo(EventCatalog.MEMBER_SUSPENDED.type());
        assertThat(suspended.data()).contains("\"memberId\":\"m-1\"").doesNotContain("spam").doesNotContain("admin-1");
        assertThat(ana.adminNote(suspended.eventId()))
                .contains(new Member.AdminNote(suspended.eventId(), "admin-1", "spam in three groups"));
    }

    @Test
    void suspendingASuspendedMemberOrReinstatingAnActiveOneChangesAndAnnouncesNothing() {
        assertThat(ana.reinstate(null, "admin-1", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS)).isFalse();
        ana.suspend("spam", "admin-1", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);
        int before = ana.outbox().size();

        assertThat(ana.suspend("again", "admin-2", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS)).isFalse();

        assertThat(ana.outbox()).hasSize(before);
    }

    @Test
    void aReinstatementEndsTheSuspensionWithItsOwnEventAndNote() {
        ana.suspend("spam", "admin-1", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        assertThat(ana.reinstate("appeal upheld", "admin-2", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS)).isTrue();

        assertThat(ana.suspended()).isFalse();
        PendingEvent reinstated = last();
        assertThat(reinstated.type()).isEqualTo(EventCatalog.MEMBER_REINSTATED.type());
        assertThat(ana.adminNote(reinstated.eventId()))
                .contains(new Member.AdminNote(reinstated.eventId(), "admin-2", "appeal upheld"));
    }

    @Test
    void theAdminNotesKeepTheLatestWithinTheirBound() {
        for (int i = 0; i < Member.MAX_ADMIN_NOTES; i++) {
            ana.suspend("round " + i, "admin-1", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);
            ana.reinstate(null, "admin-1", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);
        }
        String first = ana.outbox().stream().filter(e -> e.type().equals(EventCatalog.MEMBER_SUSPENDED.type()))
                .findFirst().orElseThrow().eventId();

        assertThat(ana.adminNote(first)).isEmpty();
        assertThat(ana.adminNote(last().eventId())).isPresent();
    }

    @Test
    void anErasureOnRequestNotesTheAdminWhoErased() {
        ana.erase("admin-1", ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        PendingEvent erased = ana.outbox().get(ana.outbox().size() - 2);
        assertThat(ana.adminNote(erased.eventId())).map(Member.AdminNote::actor).contains("admin-1");
    }

    private PendingEvent last() {
        return ana.outbox().get(ana.outbox().size() - 1);
    }
}
