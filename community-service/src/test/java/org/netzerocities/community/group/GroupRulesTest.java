package org.netzerocities.community.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;

/** The rules of groups and memberships, without Spring. */
class GroupRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final EventFactory events = new EventFactory("/test", new EventCodec(), Clock.fixed(NOW, ZoneOffset.UTC),
            () -> null);

    @Test
    void aNewGroupIsModeratedByItsCreatorAndAnnounced() {
        Group group = group(GroupVisibility.PUBLIC);

        assertThat(group.moderatorIds()).containsExactly("creator");
        assertThat(group.outbox()).extracting(PendingEvent::type).containsExactly(EventCatalog.GROUP_CREATED.type());
        assertThat(group.outbox().get(0).key()).isEqualTo("g-1");
        assertThat(group.outbox().get(0).data()).contains("\"visibility\":\"PUBLIC\"", "\"city\":\"kranj\"",
                "\"moderatorIds\":[\"creator\"]");
    }

    @Test
    void joiningAPublicGroupMakesAMemberOnceAndAnnouncesIt() {
        Group group = group(GroupVisibility.PUBLIC);
        Membership membership = Membership.none(group.id(), "m-1");

        assertThat(membership.join(group, NOW, events)).isTrue();
        assertThat(membership.join(group, NOW.plusSeconds(1), events)).isFalse();

        assertThat(membership.isMember()).isTrue();
        assertThat(membership.id()).isEqualTo("g-1:m-1");
        assertThat(types(membership)).containsExactly(EventCatalog.GROUP_MEMBER_JOINED.type());
        assertThat(membership.outbox().get(0).data()).contains("\"groupName\":\"Kranj retrofits\"",
                "\"memberId\":\"m-1\"");
    }

    @Test
    void askingToJoinAPrivateGroupTellsItsModeratorsOnceWhilePending() {
        Group group = group(GroupVisibility.PRIVATE);
        group.addModerator("mod-2");
        Membership membership = Membership.none(group.id(), "m-1");

        assertThat(membership.ask(group, NOW, events)).isTrue();
        assertThat(membership.ask(group, NOW, events)).isFalse();

        assertThat(membership.status()).isEqualTo(Membership.Status.PENDING);
        assertThat(membership.isMember()).isFalse();
        assertThat(types(membership)).containsExactly(EventCatalog.GROUP_JOIN_REQUESTED.type());
        assertThat(membership.outbox().get(0).data()).contains("\"moderatorIds\":[\"creator\",\"mod-2\"]");
    }

    @Test
    void anApprovedRequestMakesAMemberAndTheSameAnswerAgainChangesNothing() {
        Group group = group(GroupVisibility.PRIVATE);
        Membership membership = pending(group);

        assertThat(membership.answer(Membership.Answer.APPROVED, group, NOW, events)).isTrue();
        assertThat(membership.answer(Membership.Answer.APPROVED, group, NOW, events)).isFalse();

        assertThat(membership.isMember()).isTrue();
        assertThat(types(membership)).containsExactly(EventCatalog.GROUP_JOIN_REQUESTED.type(),
                EventCatalog.GROUP_JOIN_ANSWERED.type(), EventCatalog.GROUP_MEMBER_JOINED.type());
        assertThat(membership.outbox().get(1).data()).contains("\"answer\":\"APPROVED\"");
        assertThatThrownBy(() -> membership.answer(Membership.Answer.DECLINED, group, NOW, events))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(409));
    }

    @Test
    void aDeclinedRequestLeavesTheMemberOutAndTheyMayAskAgain() {
        Group group = group(GroupVisibility.PRIVATE);
        Membership membership = pending(group);

        assertThat(membership.answer(Membership.Answer.DECLINED, group, NOW, events)).isTrue();

        assertThat(membership.status()).isEqualTo(Membership.Status.DECLINED);
        assertThat(types(membership)).containsExactly(EventCatalog.GROUP_JOIN_REQUESTED.type(),
                EventCatalog.GROUP_JOIN_ANSWERED.type());
        assertThatThrownBy(() -> membership.answer(Membership.Answer.APPROVED, group, NOW, events))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(409));
        assertThat(membership.ask(group, NOW.plusSeconds(60), events)).isTrue();
    }

    @Test
    void thereIsNoRequestToAnswerForAMemberWhoNeverAskedOrTookItBack() {
        Group group = group(GroupVisibility.PRIVATE);
        Membership never = Membership.none(group.id(), "m-1");
        Membership tookBack = pending(group);
        tookBack.leave(group, NOW, events);

        for (Membership membership : List.of(never, tookBack)) {
            assertThatThrownBy(() -> membership.answer(Membership.Answer.APPROVED, group, NOW, events))
                    .isInstanceOfSatisfying(ApiProblem.class,
                            p -> assertThat(p.getStatusCode().value()).isEqualTo(404));
        }
        assertThat(types(tookBack)).containsExactly(EventCatalog.GROUP_JOIN_REQUESTED.type());
    }

    @Test
    void leavingIsAnnouncedOnceAndAMemberMayComeBack() {
        Group group = group(GroupVisibility.PUBLIC);
        Membership membership = Membership.none(group.id(), "m-1");
        membership.join(group, NOW, events);

        assertThat(membership.leave(group, NOW, events)).isTrue();
        assertThat(membership.leave(group, NOW, events)).isFalse();
        assertThat(membership.isMember()).isFalse();
        assertThat(membership.join(group, NOW, events)).isTrue();

        assertThat(types(membership)).containsExactly(EventCatalog.GROUP_MEMBER_JOINED.type(),
                EventCatalog.GROUP_MEMBER_LEFT.type(), EventCatalog.GROUP_MEMBER_JOINED.type());
    }

    @Test
    void theLastModeratorCannotLeaveOthersBehindButMayLeaveAnEmptyGroup() {
        Group group = group(GroupVisibility.PUBLIC);

        assertThatThrownBy(() -> group.stepDown("creator", true))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(409);
                    assertThat(p.getBody().getType().toString()).endsWith("last-moderator");
                });
        assertThat(group.moderatorIds()).containsExactly("creator");

        assertThat(group.stepDown("creator", false)).isTrue();
        assertThat(group.moderatorIds()).isEmpty();
    }

    @Test
    void aModeratorWithAFellowModeratorMayStepDownAndAMemberHasNothingToStepDownFrom() {
        Group group = group(GroupVisibility.PUBLIC);
        assertThat(group.addModerator("m-2")).isTrue();
        assertThat(group.addModerator("m-2")).isFalse();

        assertThat(group.stepDown("m-3", true)).isFalse();
        assertThat(group.stepDown("creator", true)).isTrue();

        assertThat(group.moderatorIds()).containsExactly("m-2");
        assertThat(group.moderates("creator")).isFalse();
    }

    @Test
    void aCohortGroupIsPrivateHasADerivedIdAndIsModeratedByTheFacilitators() {
        Group group = Group.forCohort("co-7", "Spring 2027", List.of("f-1", "f-2", "f-1"), NOW, events);

        assertThat(group.id()).isEqualTo("cohort-co-7");
        assertThat(group.visibility()).isEqualTo(GroupVisibility.PRIVATE);
        assertThat(group.kind()).isEqualTo(GroupKind.COHORT);
        assertThat(group.joinableOnRequest()).isFalse();
        assertThat(group.moderatorIds()).containsExactly("f-1", "f-2");
        assertThat(group.outbox().get(0).data()).contains("\"cohortId\":\"co-7\"");

        assertThat(group.followCohort("Spring 2027", List.of("f-2", "f-1"))).isFalse();
        assertThat(group.followCohort("Spring 2027", List.of("f-3"))).isTrue();
        assertThat(group.moderatorIds()).containsExactly("f-3");
    }

    @Test
    void aNewGroupNeedsTheFieldsOfItsKind() {
        assertInvalid(new NewGroup(GroupKind.CITY, "n", null, GroupVisibility.PUBLIC, null, null), "city");
        assertInvalid(new NewGroup(GroupKind.CITY, "n", null, GroupVisibility.PUBLIC, "kranj", "energy"), "topic");
        assertInvalid(new NewGroup(GroupKind.TOPIC, "n", null, GroupVisibility.PUBLIC, "kranj", " "), "topic");
        assertInvalid(new NewGroup(GroupKind.TOPIC, "n", null, GroupVisibility.PUBLIC, "atlantis", "energy"), "city");
        assertInvalid(new NewGroup(GroupKind.COHORT, "n", null, GroupVisibility.PRIVATE, null, "energy"), "kind");

        NewGroup topic = new NewGroup(GroupKind.TOPIC, "  Heat pumps ", " ", GroupVisibility.PRIVATE, null,
                " Energy ").normalised("kranj"::equals);
        assertThat(topic).isEqualTo(new NewGroup(GroupKind.TOPIC, "Heat pumps", null, GroupVisibility.PRIVATE, null,
                "energy"));
    }

    private void assertInvalid(NewGroup spec, String field) {
        assertThatThrownBy(() -> spec.normalised("kranj"::equals))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(400);
                    assertThat(p.getBody().getProperties().get("errors").toString()).contains("field=" + field);
                });
    }

    private Group group(GroupVisibility visibility) {
        return Group.create("g-1", new NewGroup(GroupKind.CITY, "Kranj retrofits", null, visibility, "kranj", null),
                "creator", NOW, events);
    }

    private Membership pending(Group group) {
        Membership membership = Membership.none(group.id(), "m-1");
        membership.ask(group, NOW, events);
        return membership;
    }

    private static List<String> types(Membership membership) {
        return membership.outbox().stream().map(PendingEvent::type).toList();
    }
}
