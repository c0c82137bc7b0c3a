package org.netzerocities.community.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.collaboration.CollaborationRequest.Answer;
import org.netzerocities.community.collaboration.CollaborationRequest.Side;
import org.netzerocities.community.collaboration.CollaborationRequest.Status;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityGrant;
import org.netzerocities.support.caller.CityRole;
import org.netzerocities.support.caller.GlobalRole;

/** The life of a collaboration request, without Spring. */
class CollaborationRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final EventFactory EVENTS = new EventFactory("/test", new EventCodec(), Clock.systemUTC(),
            () -> null);

    private final CollaborationRequest request = CollaborationRequest.open("cr1", "m1", "kozani",
            new CollaborationRequest.Offer("School roofs", "Solar panels on school roofs",
                    CollaborationRequest.Contribution.EXPERTISE, "I install panels"),
            NOW, EVENTS);

    @Test
    void aNewRequestIsOpenAndAnnouncedKeyedByItsId() {
        assertThat(request.status()).isEqualTo(Status.OPEN);
        assertThat(request.outbox()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventCatalog.COLLABORATION_REQUESTED.type());
            assertThat(event.topic()).isEqualTo(EventCatalog.COMMUNITY_COLLABORATIONS_TOPIC);
            assertThat(event.key()).isEqualTo("cr1");
            assertThat(event.data()).contains("\"topic\":\"School roofs\"", "\"city\":\"kozani\"");
        });
    }

    @Test
    void askingForMoreWaitsForTheMembersReplyWhichOpensTheRequestAgain() {
        request.answer(Answer.MORE_INFO, "t1", "How many roofs?", NOW, EVENTS);
        assertThat(request.status()).isEqualTo(Status.MORE_INFO_REQUESTED);

        request.post("t1", Side.TRANSITION_TEAM, "And when?", NOW);
        assertThat(request.status()).isEqualTo(Status.MORE_INFO_REQUESTED);
        request.post("m1", Side.MEMBER, "Three, in spring", NOW.plusSeconds(60));

        assertThat(request.status()).isEqualTo(Status.OPEN);
        assertThat(request.lastActivityAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(request.messages()).extracting(CollaborationRequest.Message::text)
                .containsExactly("How many roofs?", "And when?", "Three, in spring");
        assertThat(request.messages()).extracting(CollaborationRequest.Message::id).doesNotHaveDuplicates();
    }

    @Test
    void acceptingOrDecliningIsFinalAndEachAnswerIsAnnouncedToTheMember() {
        request.answer(Answer.MORE_INFO, "t1", null, NOW, EVENTS);
        request.answer(Answer.ACCEPTED, "t2", "Welcome aboard", NOW, EVENTS);

        assertThat(request.status()).isEqualTo(Status.ACCEPTED);
        assertThat(request.answeredBy()).isEqualTo("t2");
        for (Answer again : Answer.values()) {
            assertThatThrownBy(() -> request.answer(again, "t1", null, NOW, EVENTS))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getBody().getType())
                            .hasToString(ApiProblem.TYPE_BASE + "already-answered"));
        }
        assertThat(request.outbox()).extracting(PendingEvent::type).containsExactly(
                EventCatalog.COLLABORATION_REQUESTED.type(), EventCatalog.COLLABORATION_ANSWERED.type(),
                EventCatalog.COLLABORATION_ANSWERED.type());
        assertThat(request.outbox().get(2).data()).contains("\"answer\":\"ACCEPTED\"", "\"answeredBy\":\"t2\"",
                "\"memberId\":\"m1\"");
        // working together goes on in the thread of an accepted request
        request.post("m1", Side.MEMBER, "Thanks!", NOW);
        assertThat(request.status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void aDeclinedRequestTakesNoMoreMessages() {
        request.answer(Answer.DECLINED, "t1", "Not this year", NOW, EVENTS);

        assertThatThrownBy(() -> request.post("m1", Side.MEMBER, "Why?", NOW)).isInstanceOfSatisfying(
                ApiProblem.class, problem -> assertThat(problem.getStatusCode().value()).isEqualTo(409));
        assertThat(request.messages()).hasSize(1);
    }

    @Test
    void theThreadHoldsAtMost200MessagesAndAnAnswerWithAMessageToAFullThreadChangesNothing() {
        for (int i = 0; i < CollaborationRequest.MAX_MESSAGES; i++) {
            request.post(i % 2 == 0 ? "m1" : "t1", i % 2 == 0 ? Side.MEMBER : Side.TRANSITION_TEAM, "m" + i, NOW);
        }

        assertThatThrownBy(() -> request.post("m1", Side.MEMBER, "one more", NOW)).isInstanceOfSatisfying(
                ApiProblem.class, problem -> assertThat(problem.getBody().getType())
                        .hasToString(ApiProblem.TYPE_BASE + "thread-full"));
        assertThatThrownBy(() -> request.answer(Answer.ACCEPTED, "t1", "yes", NOW, EVENTS))
                .isInstanceOf(ApiProblem.class);
        assertThat(request.status()).isEqualTo(Status.OPEN);
        assertThat(request.outbox()).hasSize(1);
        request.answer(Answer.ACCEPTED, "t1", null, NOW, EVENTS);
        assertThat(request.status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void theMemberTheCitysTransitionTeamAndAdminsReadOnlyTheTeamAndAdminsAnswer() {
        Caller asker = new Caller("m1", Set.of(GlobalRole.MEMBER), Set.of());
        Caller team = new Caller("t1", Set.of(GlobalRole.MEMBER), Set.of(new CityGrant(CityRole.TRANSITION_TEAM,
                "kozani")));
        Caller admin = new Caller("a1", Set.of(GlobalRole.MEMBER, GlobalRole.ADMIN), Set.of());
        Caller otherTeam = new Caller("t2", Set.of(GlobalRole.MEMBER), Set.of(new CityGrant(CityRole.TRANSITION_TEAM,
                "trikala")));
        Caller frontrunner = new Caller("f1", Set.of(GlobalRole.MEMBER), Set.of(new CityGrant(CityRole.FRONTRUNNER,
                "kozani")));
        Caller askerInTheTeam = new Caller("m1", Set.of(GlobalRole.MEMBER, GlobalRole.ADMIN),
                Set.of(new CityGrant(CityRole.TRANSITION_TEAM, "kozani")));

        assertThat(List.of(asker, team, admin, askerInTheTeam)).allMatch(request::readableBy);
        assertThat(List.of(otherTeam, frontrunner)).noneMatch(request::readableBy);
        assertThat(List.of(team, admin)).allMatch(request::answerableBy);
        assertThat(List.of(asker, askerInTheTeam, otherTeam, frontrunner)).noneMatch(request::answerableBy);
    }

    @Test
    void forgettingAnErasedTeamMemberKeepsTheirWordsWithoutTheirId() {
        request.answer(Answer.MORE_INFO, "t1", "How many roofs?", NOW, EVENTS);
        request.post("m1", Side.MEMBER, "Three", NOW);

        assertThat(request.forgetAuthor("t1")).isTrue();

        assertThat(request.messages()).extracting(CollaborationRequest.Message::authorId).containsExactly(null, "m1");
        assertThat(request.messages().get(0).text()).isEqualTo("How many roofs?");
        assertThat(request.answeredBy()).isNull();
        assertThat(request.forgetAuthor("t1")).isFalse();
    }
}
