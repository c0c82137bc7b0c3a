package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Which of a member's sessions may still be renewed. */
class MemberSessionRuleTest {

    static final Instant LOGIN = Instant.parse("2026-11-20T10:00:00Z");

    private static Member suspendedAt(Instant suspendedAt) {
        Member member = ProfilePatchTest.ana();
        member.suspend("spam", "admin-1", suspendedAt, ProfilePatchTest.EVENTS);
        return member;
    }

    @Test
    void aMemberInGoodStandingContinuesEverySession() {
        assertThat(ProfilePatchTest.ana().maySessionContinue(LOGIN)).isTrue();
    }

    @Test
    void endingAllSessionsVoidsThoseStartedBeforeButNotLaterOnes() {
        Member member = ProfilePatchTest.ana();
        member.endAllSessions(LOGIN);

        assertThat(member.maySessionContinue(LOGIN.minusMillis(1))).isFalse();
        assertThat(member.maySessionContinue(LOGIN)).isTrue();
        assertThat(member.maySessionContinue(LOGIN.plus(Duration.ofMinutes(1)))).isTrue();
    }

    @Test
    void anErasedOrSuspendedMemberContinuesNoSession() {
        Member erased = ProfilePatchTest.ana();
        erased.erase("m-1", LOGIN.plusSeconds(60), ProfilePatchTest.EVENTS);

        assertThat(erased.maySessionContinue(LOGIN)).isFalse();
        assertThat(suspendedAt(LOGIN.plusSeconds(60)).maySessionContinue(LOGIN)).isFalse();
        assertThat(suspendedAt(LOGIN.minusSeconds(60)).maySessionContinue(LOGIN)).isFalse();
    }
}
