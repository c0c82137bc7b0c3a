package org.netzerocities.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.community.CallToJoinLaunched;
import org.netzerocities.events.contract.community.CollaborationAnswered;
import org.netzerocities.events.contract.community.CollaborationRequested;
import org.netzerocities.events.contract.community.FrontrunnerRequestAnswered;
import org.netzerocities.events.contract.community.FrontrunnerRequested;
import org.netzerocities.events.contract.community.GroupCreated;
import org.netzerocities.events.contract.community.GroupJoinAnswered;
import org.netzerocities.events.contract.community.GroupJoinRequested;
import org.netzerocities.events.contract.community.ManifestoVersionPublished;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.netzerocities.events.contract.community.OnboardingCompleted;
import org.netzerocities.events.contract.community.PostHidden;
import org.netzerocities.events.contract.community.PostReported;
import org.netzerocities.events.contract.community.TermsVersionPublished;
import org.netzerocities.events.contract.community.ThreadReplied;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class CommunityRoutingTest extends RoutingFixture {

    final CommunityRouting routing = new CommunityRouting();

    @Test
    void aNewMemberIsWelcomedAndTheirCitysTransitionTeamButNoOtherCitysLearnsOfThem() {
        String team = transitionTeam("cluj-napoca");
        String otherTeam = transitionTeam("lyon");
        String neighbour = member("cluj-napoca");
        String newcomer = id();

        IncomingEvent event = deliver(routing.routeMemberJoined(notifier, audiences), new MemberJoined(newcomer, "Ana",
                "cluj-napoca", List.of("ro"), List.of("energy"), "Europe/Bucharest", null, null, true, Instant.now()));

        assertThat(calls).hasSize(1);
        assertThat(recipientsByKind()).containsOnlyKeys(Kind.WELCOME, Kind.NEW_MEMBER_IN_CITY)
                .containsEntry(Kind.WELCOME, List.of(newcomer)).containsEntry(Kind.NEW_MEMBER_IN_CITY, List.of(team));
        assertThat(sent()).doesNotContainKeys(otherTeam, neighbour);
        NotificationDraft welcome = sent().get(newcomer);
        assertThat(welcome.id()).isEqualTo(NotificationDraft.idFor(event.id(), newcomer));
        assertThat(welcome.params()).containsEntry("displayName", "Ana");
        assertThat(welcome.link()).isEqualTo("/onboarding");
        assertThat(sent().get(team).params()).containsEntry("displayName", "Ana").containsEntry("city", "cluj-napoca");
    }

    @Test
    void aFrontrunnerRequestGoesToTheCitysTransitionTeamButNotToTheRequester() {
        String team = transitionTeam("cluj-napoca");
        String requesterOnTheTeam = transitionTeam("cluj-napoca");
        transitionTeam("lyon");

        deliver(routing.routeFrontrunnerRequested(notifier, audiences), new FrontrunnerRequested("r-1",
                requesterOnTheTeam, "Ana", "cluj-napoca", "I organise repair cafés", Instant.now()));

        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.FRONTRUNNER_REQUESTED, List.of(team)));
        assertThat(sent().get(team).link()).isEqualTo("/community/frontrunner-requests/r-1");
    }

    @Test
    void theAnswerToAFrontrunnerRequestTellsTheMemberWhichAnswer() {
        deliver(routing.routeFrontrunnerRequestAnswered(notifier),
                new FrontrunnerRequestAnswered("r-1", "ana", "cluj-napoca", "GRANTED", "team", Instant.now()));
        deliver(routing.routeFrontrunnerRequestAnswered(notifier),
                new FrontrunnerRequestAnswered("r-2", "ben", "cluj-napoca", "DECLINED", "team", Instant.now()));

        assertThat(recipientsByKind()).containsEntry(Kind.FRONTRUNNER_GRANTED, List.of("ana"))
                .containsEntry(Kind.FRONTRUNNER_DECLINED, List.of("ben"));
    }

    @Test
    void onboardingCompletedCongratulatesTheMember() {
        deliver(routing.routeOnboardingCompleted(notifier), new OnboardingCompleted("ana", "lyon", Instant.now()));

        assertThat(recipientsByKind()).containsEntry(Kind.ONBOARDING_COMPLETED, List.of("ana"));
    }

    @Test
    void aNewManifestoOrTermsVersionGoesToEveryMemberInOneCall() {
        List<String> everyone = List.of(member("cluj-napoca"), member("lyon"), member(null));

        deliver(routing.routeManifestoVersionPublished(notifier, audiences),
                new ManifestoVersionPublished(3, Instant.now(), "Clearer rules on moderation."));
        deliver(routing.routeTermsVersionPublished(notifier, audiences),
                new TermsVersionPublished(2, Instant.now(), "Longer retention of audit logs."));

        assertThat(calls).hasSize(2);
        assertThat(recipientsByKind().get(Kind.MANIFESTO_UPDATED)).containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(recipientsByKind().get(Kind.TERMS_UPDATED)).containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(calls.get(0).get(0).params()).containsEntry("version", "3");
        assertThat(Kind.TERMS_UPDATED.critical()).isTrue();
    }

    @Test
    void theFirstVersionsSeededAtStartUpAreAnnouncedToNobody() {
        member("cluj-napoca");

        deliver(routing.routeManifestoVersionPublished(notifier, audiences),
                new ManifestoVersionPublished(1, Instant.now(), "The manifesto."));
        deliver(routing.routeTermsVersionPublished(notifier, audiences),
                new TermsVersionPublished(1, Instant.now(), "The terms."));

        assertThat(calls).isEmpty();
    }

    @Test
    void aCallToJoinIsOfferedToTheCitysMembersButNotItsLauncherAsAnOptIn() {
        String launcher = member("cluj-napoca");
        String member = member("cluj-napoca");
        member("lyon");

        deliver(routing.routeCallToJoinLaunched(notifier, audiences), new CallToJoinLaunched("c-1", "CLUJ-24",
                "cluj-napoca", "Renovate together", List.of("housing"), Instant.parse("2027-01-31T23:00:00Z"),
                launcher, Instant.now()));

        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.CALL_TO_JOIN, List.of(member)));
        assertThat(sent().get(member).link()).isEqualTo("/community/calls/CLUJ-24");
        assertThat(sent().get(member).params()).containsEntry("closesAt", "2027-01-31 23:00 UTC");
        assertThat(Kind.CALL_TO_JOIN.optIn()).isTrue();
    }

    @Test
    void aCohortsGroupTellsItsModeratorsAPublicGroupTheCitysInterestedMembersAndAPrivateOneNoOne() {
        String interested = member("lyon", List.of("food"), List.of());
        String creator = member("lyon", List.of("food"), List.of());
        member("lyon", List.of("energy"), List.of());
        member("cluj-napoca", List.of("food"), List.of());

        deliver(routing.routeGroupCreated(notifier, audiences), new GroupCreated("g-1", "Cohort 3 peers", "PRIVATE",
                null, null, "cohort-3", List.of("facilitator-1", "facilitator-2")));
        deliver(routing.routeGroupCreated(notifier, audiences), new GroupCreated("g-2", "Lyon food", "PUBLIC",
                "lyon", "food", null, List.of(creator)));
        deliver(routing.routeGroupCreated(notifier, audiences), new GroupCreated("g-3", "Secret food", "PRIVATE",
                "lyon", "food", null, List.of(creator)));

        assertThat(recipientsByKind()).containsOnlyKeys(Kind.COHORT_GROUP_CREATED, Kind.GROUP_CREATED)
                .containsEntry(Kind.COHORT_GROUP_CREATED, List.of("facilitator-1", "facilitator-2"))
                .containsEntry(Kind.GROUP_CREATED, List.of(interested));
    }

    @Test
    void aJoinRequestGoesToTheModeratorsAndItsAnswerToTheMember() {
        deliver(routing.routeGroupJoinRequested(notifier),
                new GroupJoinRequested("g-1", "Lyon food", "ana", List.of("mod-1", "ana")));
        deliver(routing.routeGroupJoinAnswered(notifier), new GroupJoinAnswered("g-1", "Lyon food", "ana", "APPROVED"));
        deliver(routing.routeGroupJoinAnswered(notifier), new GroupJoinAnswered("g-1", "Lyon food", "ben", "DECLINED"));

        assertThat(recipientsByKind()).containsEntry(Kind.GROUP_JOIN_REQUESTED, List.of("mod-1"))
                .containsEntry(Kind.GROUP_JOIN_APPROVED, List.of("ana"))
                .containsEntry(Kind.GROUP_JOIN_DECLINED, List.of("ben"));
    }

    @Test
    void aReplyReachesTheThreadsParticipantsButNotItsAuthor() {
        deliver(routing.routeThreadReplied(notifier), new ThreadReplied("t-1", "Solar on school roofs", "g-1", "p-9",
                "author", List.of("ana", "author", "ben")));

        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.THREAD_REPLY, List.of("ana", "ben")));
        assertThat(sent().get("ana").link()).isEqualTo("/community/threads/t-1?post=p-9");
        assertThat(sent().get("ana").params()).containsEntry("threadTitle", "Solar on school roofs");
    }

    @Test
    void aMentionReachesTheMentionedMemberUnlessTheyMentionedThemselves() {
        deliver(routing.routeMemberMentioned(notifier),
                new MemberMentioned("p-1", "t-1", "Solar on school roofs", "g-1", "author", "ana"));
        deliver(routing.routeMemberMentioned(notifier),
                new MemberMentioned("p-2", "t-1", "Solar on school roofs", "g-1", "ben", "ben"));

        assertThat(calls).hasSize(1);
        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.MENTION, List.of("ana")));
        assertThat(sent().get("ana").link()).isEqualTo("/community/threads/t-1?post=p-1");
    }

    @Test
    void aReportedPostGoesToTheModeratorsAndAHiddenOneToItsAuthorUnlessTheyHidItThemselves() {
        deliver(routing.routePostReported(notifier), new PostReported("p-1", "t-1", "g-1", List.of("mod-1", "mod-2")));
        deliver(routing.routePostHidden(notifier), new PostHidden("p-1", "t-1", "ana", "mod-1", "Off topic"));
        deliver(routing.routePostHidden(notifier), new PostHidden("p-2", "t-1", "mod-2", "mod-2", "Duplicate"));

        assertThat(recipientsByKind()).containsEntry(Kind.POST_REPORTED, List.of("mod-1", "mod-2"))
                .containsEntry(Kind.POST_HIDDEN, List.of("ana"));
        assertThat(sent().get("ana").params()).containsEntry("reason", "Off topic");
    }

    @Test
    void aCollaborationOfferGoesToTheCitysTransitionTeamAndEachAnswerToTheMember() {
        String team = transitionTeam("lyon");
        transitionTeam("cluj-napoca");
        String offering = member("lyon");

        deliver(routing.routeCollaborationRequested(notifier, audiences),
                new CollaborationRequested("c-1", offering, "lyon", "energy", "EXPERTISE", Instant.now()));
        deliver(routing.routeCollaborationAnswered(notifier),
                new CollaborationAnswered("c-1", "ana", "lyon", "ACCEPTED", team, Instant.now()));
        deliver(routing.routeCollaborationAnswered(notifier),
                new CollaborationAnswered("c-2", "ben", "lyon", "DECLINED", team, Instant.now()));
        deliver(routing.routeCollaborationAnswered(notifier),
                new CollaborationAnswered("c-3", "eva", "lyon", "MORE_INFO", team, Instant.now()));

        assertThat(recipientsByKind()).containsEntry(Kind.COLLABORATION_REQUESTED, List.of(team))
                .containsEntry(Kind.COLLABORATION_ACCEPTED, List.of("ana"))
                .containsEntry(Kind.COLLABORATION_DECLINED, List.of("ben"))
                .containsEntry(Kind.COLLABORATION_MORE_INFO, List.of("eva"));
        assertThat(sent().get("eva").link()).isEqualTo("/community/collaboration-requests/c-3");
    }

    @Test
    void anErasedMemberIsNoLongerInAnyAudience() {
        String team = transitionTeam("lyon");
        String erased = transitionTeam("lyon");
        mongo.remove(Query.query(Criteria.where("_id").is(erased)), MemberContact.class); // as its erasure does

        deliver(routing.routeCollaborationRequested(notifier, audiences),
                new CollaborationRequested("c-1", id(), "lyon", "energy", "EXPERTISE", Instant.now()));

        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.COLLABORATION_REQUESTED, List.of(team)));
    }
}
