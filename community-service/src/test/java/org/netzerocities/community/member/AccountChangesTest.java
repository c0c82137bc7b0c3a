package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.outbox.PendingEvent;

/** The member's own security changes and the events each write carries. */
class AccountChangesTest {

    private static final OneTimeLinks.Issued LINK = new OneTimeLinks.Issued(
            "https://portal.example/verify-email#token=secret", Instant.parse("2026-11-30T10:00:00Z"));

    private final Member ana = ProfilePatchTest.ana();
    private final int joined = ana.outbox().size();

    private List<PendingEvent> added() {
        return ana.outbox().subList(joined, ana.outbox().size());
    }

    @Test
    void aVerificationRequestCarriesTheLinkOnTheInternalTopicOnly() {
        ana.requestEmailVerification(LINK, ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        assertThat(added()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventCatalog.EMAIL_VERIFICATION_REQUESTED.type());
            assertThat(event.topic()).isEqualTo(EventCatalog.COMMUNITY_ACCOUNT_SECURITY_TOPIC);
            assertThat(event.data()).contains(LINK.url()).contains("2026-11-30T10:00:00Z");
        });
        assertThat(ana.outbox().subList(0, joined)).noneMatch(e -> e.data().contains("secret"));
    }

    @Test
    void verifyingAnnouncesTheVerifiedContactOnce() {
        assertThat(ana.verifyEmail(MemberTest.BUCHAREST, ProfilePatchTest.EVENTS)).isTrue();
        assertThat(ana.verifyEmail(MemberTest.BUCHAREST, ProfilePatchTest.EVENTS)).isFalse();

        assertThat(ana.emailVerified()).isTrue();
        assertThat(added()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventCatalog.MEMBER_CONTACT_CHANGED.type());
            assertThat(event.data()).contains("\"emailVerified\":true");
        });
    }

    @Test
    void aChangedPasswordVoidsEarlierSessionsAndTellsTheMember() {
        ana.changePassword("new-hash", false, MemberTest.BUCHAREST, ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        assertThat(ana.passwordHash()).isEqualTo("new-hash");
        assertThat(ana.sessionsValidAfter()).isEqualTo(ProfilePatchTest.NOW);
        assertThat(ana.emailVerified()).as("a change by the member proves no address").isFalse();
        assertThat(added()).extracting(PendingEvent::type).containsExactly(EventCatalog.PASSWORD_CHANGED.type());
        assertThat(added().get(0).data()).doesNotContain("new-hash");
    }

    @Test
    void aResetProvesTheAddressItsLinkReached() {
        ana.changePassword("new-hash", true, MemberTest.BUCHAREST, ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        assertThat(ana.emailVerified()).isTrue();
        assertThat(ana.sessionsValidAfter()).isEqualTo(ProfilePatchTest.NOW);
        assertThat(added()).extracting(PendingEvent::type).containsExactly(EventCatalog.PASSWORD_CHANGED.type(),
                EventCatalog.MEMBER_CONTACT_CHANGED.type());
    }

    @Test
    void anEmailChangeRequestChangesNothingButAsksTheNewAddress() {
        ana.requestEmailChange("ana@new.example", LINK, ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        assertThat(ana.email()).isEqualTo("ana@example.org");
        assertThat(added()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventCatalog.EMAIL_CHANGE_REQUESTED.type());
            assertThat(event.data()).contains("\"newEmail\":\"ana@new.example\"").contains(LINK.url());
        });
    }

    @Test
    void aChangedEmailIsVerifiedTellsThePreviousAddressAndAnnouncesTheNewContact() {
        ana.changeEmail("ana@new.example", MemberTest.BUCHAREST, ProfilePatchTest.NOW, ProfilePatchTest.EVENTS);

        assertThat(ana.email()).isEqualTo("ana@new.example");
        assertThat(ana.emailVerified()).isTrue();
        assertThat(added()).extracting(PendingEvent::type).containsExactly(EventCatalog.EMAIL_CHANGED.type(),
                EventCatalog.MEMBER_CONTACT_CHANGED.type());
        assertThat(added().get(0).data()).contains("\"previousEmail\":\"ana@example.org\"");
        assertThat(added().get(1).data()).contains("\"email\":\"ana@new.example\"")
                .contains("\"emailVerified\":true");
    }
}
