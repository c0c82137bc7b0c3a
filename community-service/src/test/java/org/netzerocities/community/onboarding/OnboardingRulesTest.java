package org.netzerocities.community.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.onboarding.Checklist.Status;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;

/** The checklist's rules, without Spring. */
class OnboardingRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final EventFactory events = new EventFactory("/test", new EventCodec(), Clock.fixed(NOW, ZoneOffset.UTC),
            () -> null);

    @Test
    void completeProfileAndCurrentManifestoMakeAnOnboardedMemberOnce() {
        Onboarding member = joined(true);

        assertThat(member.accept(1, NOW, events)).isTrue();

        assertThat(types(member)).containsExactly(EventCatalog.MANIFESTO_ACCEPTED.type(),
                EventCatalog.ONBOARDING_COMPLETED.type());
        assertThat(member.outbox().get(1).data()).contains("\"city\":\"cluj-napoca\"");
        Checklist checklist = Checklist.of(member, 1);
        assertThat(checklist.onboarded()).isTrue();
        assertThat(checklist.onboarding()).extracting(Checklist.Step::status).containsOnly(Status.DONE);
        assertThat(checklist.activated()).isFalse();
    }

    @Test
    void acceptingTheSameVersionAgainChangesNothing() {
        Onboarding member = joined(true);
        member.accept(1, NOW, events);

        assertThat(member.accept(1, NOW.plusSeconds(5), events)).isFalse();

        assertThat(member.outbox()).hasSize(2);
        assertThat(member.acceptances()).hasSize(1);
    }

    @Test
    void anIncompleteProfileAcceptsWithoutBeingOnboardedUntilTheProfileIsComplete() {
        Onboarding member = joined(false);
        member.accept(1, NOW, events);
        assertThat(types(member)).containsExactly(EventCatalog.MANIFESTO_ACCEPTED.type());
        assertThat(Checklist.of(member, 1).onboarding()).extracting(Checklist.Step::status)
                .containsExactly(Status.TODO, Status.DONE);

        member.profile("cluj-napoca", List.of("ro"), true, NOW.plusSeconds(60));
        member.completeIfReady(1, NOW, events);

        assertThat(types(member)).containsExactly(EventCatalog.MANIFESTO_ACCEPTED.type(),
                EventCatalog.ONBOARDING_COMPLETED.type());
    }

    @Test
    void anAcceptanceBeforeMemberJoinedIsCompletedWhenTheMemberArrives() {
        Onboarding member = Onboarding.of("m-1");
        member.accept(1, NOW, events);
        assertThat(Checklist.of(member, 1).onboarded()).isFalse();

        member.joined("malmo", List.of("sv"), true, NOW.minusSeconds(5));
        member.completeIfReady(1, NOW, events);

        assertThat(Checklist.of(member, 1).onboarded()).isTrue();
        assertThat(member.city()).isEqualTo("malmo");
        assertThat(member.joinedAt()).isEqualTo(NOW.minusSeconds(5));
    }

    @Test
    void aNewVersionAsksForAcceptanceAgainButTheMemberStaysOnboarded() {
        Onboarding member = joined(true);
        member.accept(1, NOW, events);

        Checklist afterV2 = Checklist.of(member, 2);
        assertThat(afterV2.onboarding().get(1).status()).isEqualTo(Status.ACCEPT_AGAIN);
        assertThat(afterV2.onboarded()).isTrue();
        assertThat(afterV2.acceptedManifesto()).isEqualTo(1);

        assertThat(member.accept(2, NOW.plusSeconds(60), events)).isTrue();
        assertThat(types(member)).containsExactly(EventCatalog.MANIFESTO_ACCEPTED.type(),
                EventCatalog.ONBOARDING_COMPLETED.type(), EventCatalog.MANIFESTO_ACCEPTED.type());
        assertThat(Checklist.of(member, 2).onboarding().get(1).status()).isEqualTo(Status.DONE);
    }

    @Test
    void anOutdatedAcceptanceDoesNotOnboardAMemberWhoseProfileCompletesAfterANewVersion() {
        Onboarding member = joined(false);
        member.accept(1, NOW, events);

        member.profile("cluj-napoca", List.of("ro"), true, NOW.plusSeconds(60));
        member.completeIfReady(2, NOW, events);

        assertThat(Checklist.of(member, 2).onboarded()).isFalse();
        member.accept(2, NOW, events);
        assertThat(Checklist.of(member, 2).onboarded()).isTrue();
    }

    @Test
    void registeringForAnEventWithASeatOrOnTheWaitlistCompletesTheEventStepAndAWithdrawalDoesNot() {
        Onboarding withdrawn = joined(true);
        assertThat(withdrawn.registeredForEvent("CANCELLED", NOW)).isFalse();
        assertThat(Checklist.of(withdrawn, 1).activated()).isFalse();

        for (String status : List.of("CONFIRMED", "WAITLISTED", "PROMOTED")) {
            Onboarding member = joined(true);
            assertThat(member.registeredForEvent(status, NOW)).isTrue();
            Checklist checklist = Checklist.of(member, 1);
            assertThat(checklist.activated()).isTrue();
            assertThat(checklist.activation()).extracting(Checklist.Step::status)
                    .containsExactly(Status.TODO, Status.DONE, Status.TODO);
            assertThat(member.registeredForEvent("CANCELLED", NOW.plusSeconds(1))).isFalse();
            assertThat(Checklist.of(member, 1).activation().get(1).status()).isEqualTo(Status.DONE);
        }
    }

    @Test
    void enrolmentWithAPlaceCompletesTheProgrammeStepAndAWaitlistedOneDoesNot() {
        Onboarding waitlisted = joined(true);
        assertThat(waitlisted.enrolled("WAITLISTED", NOW)).isFalse();
        assertThat(Checklist.of(waitlisted, 1).activated()).isFalse();

        for (String status : List.of("ENROLLED", "PROMOTED")) {
            Onboarding member = joined(true);
            assertThat(member.enrolled(status, NOW)).isTrue();
            Checklist checklist = Checklist.of(member, 1);
            assertThat(checklist.activated()).isTrue();
            assertThat(checklist.activation()).extracting(Checklist.Step::status)
                    .containsExactly(Status.TODO, Status.TODO, Status.DONE);
            assertThat(member.enrolled(status, NOW.plusSeconds(1))).isFalse();
        }
    }

    @Test
    void joiningAGroupCompletesTheJoinAGroupStepOnceAndActivatesTheMember() {
        Onboarding member = joined(true);

        assertThat(member.joinedGroup(NOW)).isTrue();
        assertThat(member.joinedGroup(NOW.plusSeconds(60))).isFalse();

        Checklist checklist = Checklist.of(member, 1);
        assertThat(checklist.activated()).isTrue();
        assertThat(checklist.activation()).extracting(Checklist.Step::name, Checklist.Step::status)
                .startsWith(org.assertj.core.groups.Tuple.tuple("join-a-group", Status.DONE));
        assertThat(checklist.activation().get(0).doneAt()).isEqualTo(NOW);
    }

    @Test
    void anOlderProfileEventArrivingLateDoesNotUndoANewerOne() {
        Onboarding member = joined(true);
        member.profile("malmo", List.of("sv"), true, NOW.plusSeconds(60));

        member.profile("cluj-napoca", List.of("ro"), false, NOW.plusSeconds(30));

        assertThat(member.city()).isEqualTo("malmo");
        assertThat(member.profileComplete()).isTrue();
    }

    @Test
    void aRedeliveredEventIsRecognised() {
        Onboarding member = Onboarding.of("m-1");
        assertThat(member.firstDelivery("e-1")).isTrue();
        assertThat(member.firstDelivery("e-1")).isFalse();
        for (int i = 0; i < 60; i++) {
            member.firstDelivery("other-" + i);
        }
        assertThat(member.firstDelivery("other-59")).isFalse();
    }

    @Test
    void erasureKeepsNothingButTheMarkerAndReturnsTheAcceptedVersions() {
        Onboarding member = joined(true);
        member.accept(1, NOW, events);
        member.accept(2, NOW, events);
        member.enrolled("ENROLLED", NOW);

        assertThat(member.erase(NOW)).containsExactly(1, 2);

        assertThat(member.erased()).isTrue();
        assertThat(member.city()).isNull();
        assertThat(member.languages()).isEmpty();
        assertThat(member.acceptances()).isEmpty();
        assertThat(Checklist.of(member, 2).activated()).isFalse();
        assertThat(member.erase(NOW)).isEmpty();
    }

    @Test
    void contentIsServedInTheMembersFirstLanguageItExistsInElseEnglish() {
        Set<String> available = Set.of("en", "ro", "fr");
        assertThat(Languages.pick(List.of("ro", "en"), available)).isEqualTo("ro");
        assertThat(Languages.pick(List.of("de", "FR"), available)).isEqualTo("fr");
        assertThat(Languages.pick(List.of("de"), available)).isEqualTo("en");
        assertThat(Languages.pick(List.of(), available)).isEqualTo("en");
    }

    @Test
    void guidesFollowTheCallersRoles() {
        var caller = new org.netzerocities.support.caller.Caller("m-1",
                Set.of(org.netzerocities.support.caller.GlobalRole.MEMBER,
                        org.netzerocities.support.caller.GlobalRole.FACILITATOR),
                Set.of(new org.netzerocities.support.caller.CityGrant(
                        org.netzerocities.support.caller.CityRole.TRANSITION_TEAM, "malmo")));
        assertThat(GuideRole.of(caller)).containsExactly(GuideRole.MEMBER, GuideRole.TRANSITION_TEAM,
                GuideRole.FACILITATOR);
    }

    private Onboarding joined(boolean profileComplete) {
        Onboarding member = Onboarding.of("m-" + System.nanoTime());
        member.joined("cluj-napoca", List.of("ro", "en"), profileComplete, NOW.minusSeconds(3600));
        return member;
    }

    private static List<String> types(Onboarding member) {
        return member.outbox().stream().map(PendingEvent::type).toList();
    }
}
