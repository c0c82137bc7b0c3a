package org.netzerocities.community.frontrunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netzerocities.community.frontrunner.FrontrunnerRequest.Answer.DECLINED;
import static org.netzerocities.community.frontrunner.FrontrunnerRequest.Answer.GRANTED;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;

/** The rules of a request's life, without Spring. */
class FrontrunnerRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final EventFactory EVENTS = new EventFactory("/test", new EventCodec(), Clock.systemUTC(),
            () -> null);

    private final FrontrunnerRequest request = FrontrunnerRequest.open("r1", "m1", "Ana Pop", "cluj-napoca",
            "I run the repair café", NOW, EVENTS);

    @Test
    void aNewRequestIsPendingHoldsTheMembersSlotAndIsAnnouncedKeyedByTheMember() {
        assertThat(request.status()).isEqualTo(FrontrunnerRequest.Status.PENDING);
        assertThat(request.outbox()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventCatalog.FRONTRUNNER_REQUESTED.type());
            assertThat(event.key()).isEqualTo("m1");
            assertThat(event.data()).contains("\"requestId\":\"r1\"", "\"city\":\"cluj-napoca\"",
                    "repair café");
        });
    }

    @Test
    void closingADecidedRequestAnnouncesTheAnswerToTheMember() {
        assertThat(request.decide(GRANTED, "team-1", true, NOW)).isTrue();
        assertThat(request.status()).as("still pending until the grant is done")
                .isEqualTo(FrontrunnerRequest.Status.PENDING);

        request.close(EVENTS);

        assertThat(request.status()).isEqualTo(FrontrunnerRequest.Status.GRANTED);
        PendingEvent answered = request.outbox().get(1);
        assertThat(answered.type()).isEqualTo(EventCatalog.FRONTRUNNER_REQUEST_ANSWERED.type());
        assertThat(answered.key()).isEqualTo("m1");
        assertThat(answered.data()).contains("\"answer\":\"GRANTED\"", "\"answeredBy\":\"team-1\"",
                "\"city\":\"cluj-napoca\"");
    }

    @Test
    void answeringAgainTheSameWayContinuesAnInterruptedAnswer() {
        request.decide(GRANTED, "team-1", true, NOW);

        assertThat(request.decide(GRANTED, "team-2", true, NOW.plusSeconds(60))).isFalse();
        assertThat(request.answeredBy()).isEqualTo("team-1");
    }

    @Test
    void aDecidedRequestCannotBeAnsweredTheOtherWay() {
        request.decide(DECLINED, "team-1", true, NOW);

        assertConflict(() -> request.decide(GRANTED, "team-2", true, NOW), "already-answered");
    }

    @Test
    void anAnsweredRequestCannotBeAnsweredAgainEvenTheSameWay() {
        request.decide(DECLINED, "team-1", true, NOW);
        request.close(EVENTS);

        assertConflict(() -> request.decide(DECLINED, "team-1", true, NOW), "already-answered");
        assertConflict(() -> request.decide(GRANTED, "team-1", true, NOW), "already-answered");
    }

    @Test
    void aMemberWhoMovedAwayCannotBeGrantedButMayBeDeclined() {
        assertConflict(() -> request.decide(GRANTED, "team-1", false, NOW), "member-moved");

        assertThat(request.decide(DECLINED, "team-1", false, NOW)).isTrue();
    }

    @Test
    void aGrantLeftHalfWayWhenTheMemberMovedMayStillBeDeclinedSoTheRequestDoesNotStayOpen() {
        request.decide(GRANTED, "team-1", true, NOW);

        assertConflict(() -> request.decide(GRANTED, "team-1", false, NOW), "member-moved");
        assertThat(request.decide(DECLINED, "team-1", false, NOW)).isTrue();
        request.close(EVENTS);
        assertThat(request.status()).isEqualTo(FrontrunnerRequest.Status.DECLINED);
    }

    @Test
    void anUndecidedRequestCannotBeClosed() {
        assertThatThrownBy(() -> request.close(EVENTS)).isInstanceOf(IllegalStateException.class);
    }

    private static void assertConflict(Runnable answer, String type) {
        assertThatThrownBy(answer::run).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(409);
            assertThat(problem.getBody().getType().toString()).endsWith("/" + type);
        });
    }
}
