package org.netzerocities.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.events.contract.learning.CohortStarted;
import org.netzerocities.events.contract.learning.CohortUpdated;
import org.netzerocities.events.contract.learning.DiscussionSessionScheduled;
import org.netzerocities.events.contract.learning.HomeworkReviewed;
import org.netzerocities.events.contract.learning.HomeworkSubmitted;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.contract.learning.LearnerQuestionAnswered;
import org.netzerocities.events.contract.learning.LearnerQuestionAsked;
import org.netzerocities.events.contract.learning.ModuleCompleted;
import org.netzerocities.notification.delivery.Kind;

class LearningRoutingTest extends RoutingFixture {

    static final LocalDate START = LocalDate.parse("2027-02-01");
    static final Instant AT = Instant.parse("2027-02-10T16:00:00Z");

    final LearningRouting routing = new LearningRouting();

    @Test
    void anOpenCohortIsOfferedToTheMembersWhoSpeakItsLanguageButNotItsFacilitators() {
        String speaker = member("lyon", List.of(), List.of("fr", "en"));
        String facilitator = member("lyon", List.of(), List.of("en"));
        member("lyon", List.of(), List.of("fr"));

        deliver(routing.routeCohortStarted(notifier, audiences), new CohortStarted("c-1", "Spring 2027", "en",
                List.of(facilitator), START, START.plusMonths(3), 30));

        assertThat(recipientsByKind()).containsExactly(Map.entry(Kind.COHORT_OPEN, List.of(speaker)));
        assertThat(sent().get(speaker).params()).containsEntry("startsOn", "2027-02-01");
        assertThat(sent().get(speaker).link()).isEqualTo("/learning/cohorts/c-1");
    }

    @Test
    void cohortChangesAndSessionsReachTheLearnersNotTheFacilitators() {
        deliver(routing.routeCohortUpdated(notifier), new CohortUpdated("c-1", "Spring 2027", "en", List.of("fac"),
                START, START.plusMonths(3), 30, List.of("ana", "ben")));
        deliver(routing.routeDiscussionSessionScheduled(notifier), new DiscussionSessionScheduled("c-1", "Spring 2027",
                "s-1", "m-1", AT, 60, "https://meet.example.org/secret", List.of("ana"), List.of("fac"), "SCHEDULED"));
        deliver(routing.routeDiscussionSessionScheduled(notifier), new DiscussionSessionScheduled("c-1", "Spring 2027",
                "s-2", "m-1", AT, 60, "https://meet.example.org/other", List.of("ben"), List.of("fac"), "RESCHEDULED"));

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.COHORT_UPDATED, List.of("ana", "ben"),
                Kind.SESSION_SCHEDULED, List.of("ana"),
                Kind.SESSION_MOVED, List.of("ben")));
        assertThat(calls.get(1).get(0).params()).doesNotContainValue("https://meet.example.org/secret");
        assertThat(calls.get(1).get(0).link()).isEqualTo("/learning/cohorts/c-1");
    }

    @Test
    void eachEnrolmentStatusHasItsOwnKind() {
        for (String status : List.of("ENROLLED", "WAITLISTED", "PROMOTED")) {
            deliver(routing.routeLearnerEnrolled(notifier),
                    new LearnerEnrolled("c-1", "Spring 2027", "en-" + status, "member-" + status, status));
        }

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.LEARNER_ENROLLED, List.of("member-ENROLLED"),
                Kind.LEARNER_WAITLISTED, List.of("member-WAITLISTED"),
                Kind.LEARNER_PROMOTED, List.of("member-PROMOTED")));
    }

    @Test
    void questionsGoToTheFacilitatorsAndAnswersToTheLearnerButNoOneHearsOfTheirOwn() {
        deliver(routing.routeLearnerQuestionAsked(notifier), new LearnerQuestionAsked("q-1", "c-1", "Spring 2027",
                "en-1", "ana", List.of("fac-1", "fac-2")));
        deliver(routing.routeLearnerQuestionAnswered(notifier), new LearnerQuestionAnswered("q-1", "c-1",
                "Spring 2027", "en-1", "ana", List.of("fac-1", "fac-2"), "fac-1"));
        // a facilitator who answers a question they asked as a learner elsewhere is not told of their own answer
        deliver(routing.routeLearnerQuestionAnswered(notifier), new LearnerQuestionAnswered("q-2", "c-1",
                "Spring 2027", "en-2", "fac-2", List.of("fac-2"), "fac-2"));

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.QUESTION_ASKED, List.of("fac-1", "fac-2"),
                Kind.QUESTION_ANSWERED, List.of("ana")));
        assertThat(sent().get("ana").link()).isEqualTo("/learning/cohorts/c-1/questions/q-1");
    }

    @Test
    void homeworkGoesToTheFacilitatorsAndItsReviewToTheLearner() {
        deliver(routing.routeHomeworkSubmitted(notifier), new HomeworkSubmitted("h-1", "en-1", "ana", "c-1", "m-1",
                "u-1", "Energy audit", List.of("fac-1", "ana"), AT));
        deliver(routing.routeHomeworkReviewed(notifier), new HomeworkReviewed("h-1", "en-1", "ana", "c-1", "u-1",
                "Energy audit", "ACCEPTED", null, "fac-1", AT));
        deliver(routing.routeHomeworkReviewed(notifier), new HomeworkReviewed("h-2", "en-2", "ben", "c-1", "u-1",
                "Energy audit", "RETURNED", "Add the figures", "fac-1", AT));

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.HOMEWORK_SUBMITTED, List.of("fac-1"),
                Kind.HOMEWORK_ACCEPTED, List.of("ana"),
                Kind.HOMEWORK_RETURNED, List.of("ben")));
        assertThat(sent().get("ben").params()).containsEntry("unitTitle", "Energy audit");
    }

    @Test
    void aCompletedModuleCongratulatesTheLearnerAndTellsTheFacilitatorsInOneCall() {
        deliver(routing.routeModuleCompleted(notifier), new ModuleCompleted("en-1", "ana", "c-1", "m-1",
                "Climate basics", List.of("fac-1", "fac-2"), AT));

        assertThat(calls).hasSize(1);
        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.MODULE_COMPLETED, List.of("ana"),
                Kind.LEARNER_MODULE_COMPLETED, List.of("fac-1", "fac-2")));
    }

    @Test
    void certificatesIssuedAndRevokedReachTheirHolder() {
        deliver(routing.routeCertificateIssued(notifier), new CertificateIssued("cert-1", "ana", "c-1", "NZC-7Q2K",
                AT, "en-1"));
        deliver(routing.routeCertificateRevoked(notifier), new CertificateRevoked("cert-2", "ben", "Plagiarism"));

        assertThat(recipientsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.CERTIFICATE_ISSUED, List.of("ana"),
                Kind.CERTIFICATE_REVOKED, List.of("ben")));
        assertThat(sent().get("ana").link()).isEqualTo("/learning/certificates/NZC-7Q2K");
    }
}
