package org.netzerocities.learning.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netzerocities.learning.cohort.CohortPlanTest.ENDS;
import static org.netzerocities.learning.cohort.CohortPlanTest.MODULES;
import static org.netzerocities.learning.cohort.CohortPlanTest.STARTS;
import static org.netzerocities.learning.cohort.CohortPlanTest.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;
import org.netzerocities.learning.cohort.DiscussionSession.SessionPlan;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;

import com.jayway.jsonpath.JsonPath;

/** Who may change a cohort, its places and waitlist, and what it announces, without a database. */
class CohortTest {

    private static final Instant NOW = Instant.parse("2027-02-01T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2027-02-01");
    private final EventFactory events = new EventFactory("/test", new EventCodec(), Clock.fixed(NOW, ZoneOffset.UTC),
            () -> null);

    @Test
    void itsFacilitatorsAndAdminsMayChangeACohortAndNoOneElseNotEvenOtherFacilitators() {
        Cohort cohort = Cohort.draft("c", plan(STARTS, ENDS, 5, "lead", Map.of("systems-thinking", "sam")), NOW);

        assertThat(cohort.mayManage(caller("lead"))).isTrue();
        assertThat(cohort.mayManage(caller("sam"))).isTrue();
        assertThat(cohort.mayManage(caller("admin", GlobalRole.ADMIN))).isTrue();
        assertThat(cohort.mayManage(caller("other", GlobalRole.FACILITATOR))).isFalse();
        assertThat(cohort.mayManage(caller("member"))).isFalse();
    }

    @Test
    void aDraftIsSeenByItsFacilitatorsAndAdminsOnlyAndAPublishedCohortByEveryone() {
        Cohort cohort = Cohort.draft("c", plan(5), NOW);

        assertThat(cohort.isVisibleTo(caller("member"))).isFalse();
        assertThat(cohort.isVisibleTo(caller("lead"))).isTrue();
        assertThat(cohort.isVisibleTo(caller("admin", GlobalRole.ADMIN))).isTrue();
        assertThat(cohort.outbox()).isEmpty();

        cohort.publish(TODAY, NOW, events);
        assertThat(cohort.isVisibleTo(caller("member"))).isTrue();
    }

    @Test
    void publishingAnnouncesTheCohortThenEachSessionOnceAndOnlyBeforeItStarts() {
        Cohort cohort = Cohort.draft("c", plan(STARTS, ENDS, 5, "lead", Map.of("cities-mission", "cm")), NOW);
        assertThatThrownBy(() -> cohort.publish(STARTS, NOW, events)).satisfies(conflict("cohort-started"));

        cohort.publish(TODAY, NOW, events);

        assertThat(types(cohort)).containsExactly("started", "session", "session", "session", "session");
        assertThat(JsonPath.<List<String>>read(cohort.outbox().get(0).data(), "$.facilitatorIds"))
                .containsExactly("lead", "cm");
        assertThat(cohort.outbox().subList(1, 5)).allSatisfy(e -> {
            assertThat(JsonPath.<String>read(e.data(), "$.change")).isEqualTo("SCHEDULED");
            assertThat(e.key()).isEqualTo("c");
        });
        assertThatThrownBy(() -> cohort.publish(TODAY, NOW, events)).satisfies(conflict("published-already"));
    }

    @Test
    void membersGetPlacesUntilFullThenWaitInTheOrderTheyCame() {
        Cohort cohort = published(2);

        assertThat(List.of("a", "b", "c", "d").stream().map(m -> enrol(cohort, m).status()))
                .containsExactly(EnrollmentStatus.ENROLLED, EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED,
                        EnrollmentStatus.WAITLISTED);
        assertThat(cohort.freePlaces()).isZero();
        assertThat(cohort.waitlisted()).isEqualTo(2);
        assertThat(cohort.waitlistPosition("e-d")).contains(2);
        assertThat(enrolled(cohort)).containsExactly("a:ENROLLED", "b:ENROLLED", "c:WAITLISTED", "d:WAITLISTED");
    }

    @Test
    void aPlaceLeftGoesToTheFirstWaitingOnceAndWithdrawingAgainChangesNothing() {
        Cohort cohort = published(1);
        enrol(cohort, "a");
        enrol(cohort, "b");
        enrol(cohort, "c");

        assertThat(cohort.withdraw("e-a", TODAY, NOW, events)).isTrue();
        assertThat(cohort.withdraw("e-a", TODAY, NOW, events)).isFalse();

        assertThat(cohort.learnerIds()).containsExactly("b");
        assertThat(cohort.waitlistPosition("e-c")).contains(1);
        assertThat(enrolled(cohort)).containsExactly("a:ENROLLED", "b:WAITLISTED", "c:WAITLISTED", "a:WITHDRAWN",
                "b:PROMOTED");
    }

    @Test
    void aWaitlistedLearnerWhoWithdrawsPromotesNoOne() {
        Cohort cohort = published(1);
        enrol(cohort, "a");
        enrol(cohort, "b");

        cohort.withdraw("e-b", TODAY, NOW, events);

        assertThat(cohort.learnerIds()).containsExactly("a");
        assertThat(cohort.waitlisted()).isZero();
        assertThat(enrolled(cohort)).containsExactly("a:ENROLLED", "b:WAITLISTED", "b:WITHDRAWN");
    }

    @Test
    void aDraftOrAnEndedCohortTakesNoEnrolment() {
        Cohort draft = Cohort.draft("c", plan(5), NOW);
        assertThatThrownBy(() -> draft.enrol("e", "a", TODAY, NOW, events)).satisfies(conflict("cohort-not-open"));

        Cohort cohort = published(5);
        assertThatThrownBy(() -> cohort.enrol("e", "a", ENDS.plusDays(1), NOW, events))
                .satisfies(conflict("cohort-ended"));
        enrol(cohort, "b");
        assertThatThrownBy(() -> cohort.withdraw("e-b", ENDS.plusDays(1), NOW, events))
                .satisfies(conflict("cohort-ended"));
    }

    @Test
    void theCapacityCannotFallBelowThePlacesTakenAndALargerOnePromotesInOrder() {
        Cohort cohort = published(2);
        List.of("a", "b", "c", "d", "e").forEach(m -> enrol(cohort, m));

        assertThatThrownBy(() -> cohort.update(plan(1), TODAY, NOW, events))
                .satisfies(conflict("capacity-below-places"));
        assertThat(cohort.update(plan(4), TODAY, NOW, events)).isTrue();

        assertThat(cohort.learnerIds()).containsExactly("a", "b", "c", "d");
        assertThat(cohort.waitlistPosition("e-e")).contains(1);
        assertThat(enrolled(cohort)).endsWith("c:PROMOTED", "d:PROMOTED");
        PendingEvent updated = last(cohort, EventCatalog.COHORT_UPDATED.type());
        assertThat(JsonPath.<Integer>read(updated.data(), "$.capacity")).isEqualTo(4);
        assertThat(JsonPath.<List<String>>read(updated.data(), "$.learnerIds")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aPublishedCohortsChangeTellsItsLearnersAndEachSessionMovedIsRescheduledKeepingItsId() {
        Cohort cohort = published(5);
        enrol(cohort, "a");
        String movedId = cohort.sessions().get(1).sessionId();
        CohortPlan current = cohort.plan();
        List<SessionPlan> sessions = List.of(current.sessions().get(0), new SessionPlan("contributing-to-nzc",
                Instant.parse("2027-03-22T17:00:00Z"), 60, "https://meet.example.org/other"),
                current.sessions().get(2), current.sessions().get(3));
        int before = cohort.outbox().size();

        cohort.update(new CohortPlan(current.name(), current.language(), current.startsOn(), current.endsOn(),
                current.capacity(), current.leadFacilitatorId(), current.moduleFacilitatorIds(), sessions), TODAY,
                NOW, events);

        List<PendingEvent> told = cohort.outbox().subList(before, cohort.outbox().size());
        assertThat(told).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventCatalog.DISCUSSION_SESSION_SCHEDULED.type());
            assertThat(JsonPath.<String>read(e.data(), "$.change")).isEqualTo("RESCHEDULED");
            assertThat(JsonPath.<String>read(e.data(), "$.sessionId")).isEqualTo(movedId);
            assertThat(JsonPath.<List<String>>read(e.data(), "$.learnerIds")).containsExactly("a");
            assertThat(JsonPath.<String>read(e.data(), "$.startsAt")).isEqualTo("2027-03-22T17:00:00Z");
        });
        assertThat(cohort.sessions().get(1).sessionId()).isEqualTo(movedId);

        before = cohort.outbox().size();
        cohort.update(plan(STARTS, ENDS, 5, "lead", Map.of("social-innovation", "si")).withSessionsOf(cohort.plan()),
                TODAY, NOW, events);
        assertThat(cohort.outbox().subList(before, cohort.outbox().size())).singleElement()
                .satisfies(e -> assertThat(JsonPath.<List<String>>read(e.data(), "$.facilitatorIds"))
                        .containsExactly("lead", "si"));
    }

    @Test
    void nothingChangesFromTheDayACohortStartsAndADraftsChangesAreNotAnnounced() {
        Cohort draft = Cohort.draft("c", plan(5), NOW);
        assertThat(draft.update(plan(8), TODAY, NOW, events)).isTrue();
        assertThat(draft.outbox()).isEmpty();
        assertThat(draft.update(plan(8), TODAY, NOW, events)).isFalse();

        Cohort cohort = published(5);
        assertThatThrownBy(() -> cohort.update(plan(6), STARTS, NOW, events)).satisfies(conflict("cohort-started"));
    }

    @Test
    void anErasedLearnersPlaceGoesToTheWaitlistAndTheirEnrolmentIsForgotten() {
        Cohort cohort = published(1);
        enrol(cohort, "a");
        enrol(cohort, "b");

        assertThat(cohort.forget("a", TODAY, NOW, events)).isTrue();
        assertThat(cohort.forget("a", TODAY, NOW, events)).isFalse();

        assertThat(cohort.enrollment("e-a")).isEmpty();
        assertThat(cohort.learnerIds()).containsExactly("b");
        assertThat(enrolled(cohort)).containsExactly("a:ENROLLED", "b:WAITLISTED", "a:WITHDRAWN", "b:PROMOTED");
    }

    @Test
    void anErasedLearnerOfAnEndedCohortIsForgottenWithoutAWithdrawalAnnounced() {
        Cohort cohort = published(1);
        enrol(cohort, "a");
        enrol(cohort, "b");
        int announced = cohort.outbox().size();

        assertThat(cohort.forget("a", ENDS.plusDays(1), NOW, events)).isTrue();

        assertThat(cohort.outbox()).hasSize(announced);
        assertThat(cohort.enrollment("e-a")).isEmpty();
        assertThat(cohort.freePlaces()).isOne();
        assertThat(cohort.waitlistPosition("e-b")).contains(1);
    }

    @Test
    void anErasedFacilitatorLeavesCohortsNotStartedTheFirstModuleFacilitatorLeadingInstead() {
        Cohort cohort = published(STARTS, Map.of("social-innovation", "si", "citizen-engagement", "ce"));

        assertThat(cohort.forget("si", TODAY, NOW, events)).isTrue();
        assertThat(cohort.view().facilitatorIds()).containsExactly("lead", "ce");
        assertThat(cohort.forget("lead", TODAY, NOW, events)).isTrue();
        assertThat(cohort.view().leadFacilitatorId()).isEqualTo("ce");
        assertThat(cohort.view().facilitatorIds()).containsExactly("ce");
        assertThat(types(cohort)).endsWith("updated", "updated");

        Cohort started = published(STARTS, Map.of("social-innovation", "si"));
        assertThat(started.forget("si", STARTS, NOW, events)).isFalse();
        assertThat(started.view().facilitatorIds()).containsExactly("lead", "si");
    }

    @Test
    void onlyADraftNoOneElseFacilitatesGoesWithItsFacilitator() {
        assertThat(Cohort.draft("c", plan(5), NOW).isDraftOnlyOf("lead")).isTrue();
        assertThat(Cohort.draft("c", plan(STARTS, ENDS, 5, "lead", Map.of("cities-mission", "cm")), NOW)
                .isDraftOnlyOf("lead")).isFalse();
        assertThat(published(5).isDraftOnlyOf("lead")).isFalse();
    }

    private Cohort published(int capacity) {
        Cohort cohort = Cohort.draft("c", plan(capacity), NOW);
        cohort.publish(TODAY, NOW, events);
        return cohort;
    }

    private Cohort published(LocalDate startsOn, Map<String, String> moduleFacilitators) {
        Cohort cohort = Cohort.draft("c", plan(startsOn, startsOn.plusDays(50), 5, "lead", moduleFacilitators)
                .inOrderOf(MODULES), NOW);
        cohort.publish(TODAY, NOW, events);
        return cohort;
    }

    private Enrollment enrol(Cohort cohort, String memberId) {
        return cohort.enrol("e-" + memberId, memberId, TODAY, NOW, events);
    }

    /** The enrolment events in order, as member:status (WITHDRAWN for LearnerWithdrawn). */
    private static List<String> enrolled(Cohort cohort) {
        return cohort.outbox().stream().filter(e -> e.type().equals(EventCatalog.LEARNER_ENROLLED.type())
                || e.type().equals(EventCatalog.LEARNER_WITHDRAWN.type()))
                .map(e -> JsonPath.read(e.data(), "$.memberId") + ":"
                        + (e.type().equals(EventCatalog.LEARNER_WITHDRAWN.type()) ? "WITHDRAWN"
                                : JsonPath.read(e.data(), "$.status")))
                .toList();
    }

    private static List<String> types(Cohort cohort) {
        return cohort.outbox().stream().map(e -> e.type().equals(EventCatalog.COHORT_STARTED.type()) ? "started"
                : e.type().equals(EventCatalog.COHORT_UPDATED.type()) ? "updated"
                : e.type().equals(EventCatalog.DISCUSSION_SESSION_SCHEDULED.type()) ? "session" : e.type()).toList();
    }

    private static PendingEvent last(Cohort cohort, String type) {
        return cohort.outbox().stream().filter(e -> e.type().equals(type)).reduce((a, b) -> b).orElseThrow();
    }

    private static Caller caller(String memberId, GlobalRole... roles) {
        return new Caller(memberId, Set.of(roles), Set.of());
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> conflict(String type) {
        return thrown -> {
            assertThat(thrown).isInstanceOf(ApiProblem.class);
            ApiProblem problem = (ApiProblem) thrown;
            assertThat(problem.getStatusCode().value()).isEqualTo(409);
            assertThat(problem.getBody().getType().toString()).endsWith("/" + type);
        };
    }
}
