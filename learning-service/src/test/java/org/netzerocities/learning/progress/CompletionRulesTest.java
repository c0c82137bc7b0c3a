package org.netzerocities.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.learning.cohort.Cohorts.CohortStatus;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.program.Programme.ModuleOutline;
import org.netzerocities.learning.program.Programme.UnitOutline;
import org.netzerocities.support.ApiProblem;

/** The completion rules of a learner's progress, without Spring. */
class CompletionRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final EventFactory EVENTS = new EventFactory("/test", new EventCodec(), Clock.systemUTC(),
            () -> null);
    private static final CohortView COHORT = new CohortView("c1", "Spring 2026", "en", "lead",
            Map.of("m2", "second"), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-06-30"), 30,
            CohortStatus.PUBLISHED);

    private final Progress progress = Progress.start("e1", "learner", "c1");
    private List<ModuleOutline> modules = List.of(
            module("m1", 1, unit("m1.a", "m1", 1), unit("m1.b", "m1", 1)),
            module("m2", 2, unit("m2.a", "m2", 1)));
    private int submissions;

    @Test
    void aUnitWatchedThenAcceptedCompletesWhenAccepted() {
        watch("m1.a");
        assertThat(progress.unitCompleted("m1.a")).as("watched only").isFalse();
        String submission = submit("m1.a");
        assertThat(progress.unitCompleted("m1.a")).as("awaiting review").isFalse();

        review(submission, Decision.ACCEPTED);

        assertThat(progress.unitCompleted("m1.a")).isTrue();
        assertThat(types()).containsExactly("homework-submitted", "homework-reviewed", "unit-completed");
        assertThat(last("unit-completed").data()).contains("\"unitId\":\"m1.a\"", "\"moduleId\":\"m1\"",
                "\"unitVersion\":1", "\"enrollmentId\":\"e1\"", "\"cohortId\":\"c1\"");
        assertThat(progress.outbox()).allSatisfy(event -> assertThat(event.key()).isEqualTo("e1"));
    }

    @Test
    void aUnitAcceptedThenWatchedCompletesWhenWatched() {
        review(submit("m1.a"), Decision.ACCEPTED);
        assertThat(progress.unitCompleted("m1.a")).as("accepted only").isFalse();

        watch("m1.a");

        assertThat(progress.unitCompleted("m1.a")).isTrue();
        assertThat(types()).containsExactly("homework-submitted", "homework-reviewed", "unit-completed");
    }

    @Test
    void markingAMasterclassWatchedAgainChangesNothing() {
        assertThat(watch("m1.a")).isTrue();
        Instant first = progress.unit("m1.a").orElseThrow().watchedAt();

        assertThat(progress.markWatched(unitOf("m1.a"), course(), NOW.plusSeconds(60), EVENTS)).isFalse();

        assertThat(progress.unit("m1.a").orElseThrow().watchedAt()).isEqualTo(first);
        assertThat(progress.outbox()).isEmpty();
    }

    @Test
    void returnedHomeworkDoesNotCompleteTheUnitAndMayBeResubmittedUntilAccepted() {
        watch("m1.a");
        String first = submit("m1.a");
        review(first, Decision.RETURNED);
        assertThat(progress.unitCompleted("m1.a")).isFalse();
        assertThat(last("homework-reviewed").data()).contains("\"decision\":\"RETURNED\"",
                "\"feedback\":\"Say more\"");

        String second = submit("m1.a");
        assertThat(progress.unit("m1.a").orElseThrow().submissions()).extracting(Submission::attempt)
                .containsExactly(1, 2);
        review(second, Decision.ACCEPTED);

        assertThat(progress.unitCompleted("m1.a")).isTrue();
        assertThat(progress.unit("m1.a").orElseThrow().submissions()).extracting(Submission::status)
                .containsExactly(HomeworkStatus.RETURNED, HomeworkStatus.ACCEPTED);
    }

    @Test
    void homeworkIsRefusedWhileASubmissionAwaitsReviewAndOnceAccepted() {
        String submission = submit("m1.a");
        assertRefused(() -> submit("m1.a"), "homework-awaiting-review");

        review(submission, Decision.ACCEPTED);

        assertRefused(() -> submit("m1.a"), "homework-accepted");
        assertThat(types()).containsExactly("homework-submitted", "homework-reviewed");
    }

    @Test
    void aSubmissionIsReviewedOnceOnly() {
        String submission = submit("m1.a");
        review(submission, Decision.ACCEPTED);

        assertRefused(() -> review(submission, Decision.RETURNED), "already-reviewed");
        assertRefused(() -> review("unknown", Decision.ACCEPTED), "not-found");
        assertThat(types()).containsExactly("homework-submitted", "homework-reviewed");
    }

    @Test
    void homeworkReturnedTheMostTimesAllowedTakesNoMoreSubmissions() {
        for (int i = 0; i < Progress.MAX_ATTEMPTS; i++) {
            review(submit("m1.a"), Decision.RETURNED);
        }

        assertRefused(() -> submit("m1.a"), "too-many-attempts");
    }

    @Test
    void homeworkIsAnnouncedToTheModulesFacilitators() {
        submit("m2.a");

        assertThat(last("homework-submitted").data()).contains("\"facilitatorIds\":[\"lead\",\"second\"]",
                "\"moduleId\":\"m2\"", "\"unitTitle\":\"Unit m2.a\"");
    }

    @Test
    void theModuleCompletesWithItsLastUnitAndIsAnnouncedToItsFacilitatorsOnce() {
        complete("m2.a");

        assertThat(progress.moduleCompleted("m2")).isTrue();
        assertThat(types()).containsExactly("homework-submitted", "homework-reviewed", "unit-completed",
                "module-completed");
        assertThat(last("module-completed").data()).contains("\"moduleId\":\"m2\"", "\"moduleTitle\":\"Module m2\"",
                "\"facilitatorIds\":[\"lead\",\"second\"]");

        watch("m1.a");
        assertThat(count("module-completed")).isEqualTo(1);
    }

    @Test
    void aModuleIsNotCompleteUntilAllItsUnitsAre() {
        complete("m1.a");

        assertThat(progress.moduleCompleted("m1")).isFalse();
        assertThat(progress.percent(modules.get(0))).isEqualTo(50);
        assertThat(count("module-completed")).isZero();
    }

    @Test
    void theProgrammeCompletesOnceWhenAllModulesAreCompleteInAnyOrder() {
        complete("m2.a");
        complete("m1.b");
        assertThat(progress.programCompletedAt()).isNull();

        complete("m1.a");

        assertThat(progress.programCompletedAt()).isEqualTo(NOW);
        assertThat(count("module-completed")).isEqualTo(2);
        assertThat(count("program-completed")).isEqualTo(1);
        assertThat(last("program-completed").data()).contains("\"cohortName\":\"Spring 2026\"",
                "\"enrollmentId\":\"e1\"", "\"memberId\":\"learner\"");
        assertThat(types().get(types().size() - 1)).as("the programme after its last module")
                .isEqualTo("program-completed");

        modules = List.of(module("m1", 1, unit("m1.a", "m1", 1), unit("m1.b", "m1", 1), unit("m1.c", "m1", 1)),
                modules.get(1));
        complete("m1.c");
        assertThat(count("program-completed")).as("after a unit added later").isEqualTo(1);
        assertThat(count("module-completed")).isEqualTo(2);
    }

    @Test
    void aUnitCompletedAtAVersionStaysCompletedAtItWhenTheUnitIsEdited() {
        complete("m1.a");
        modules = List.of(module("m1", 1, unit("m1.a", "m1", 2), unit("m1.b", "m1", 1)), modules.get(1));

        watch("m1.b");

        assertThat(progress.unit("m1.a").orElseThrow().completed()).isTrue();
        assertThat(progress.unit("m1.a").orElseThrow().completedVersion()).isEqualTo(1);
        assertThat(count("unit-completed")).isEqualTo(1);
    }

    @Test
    void aUnitWatchedBeforeAnEditCompletesAtTheVersionCurrentWhenItCompletes() {
        watch("m1.a");
        modules = List.of(module("m1", 1, unit("m1.a", "m1", 3), unit("m1.b", "m1", 1)), modules.get(1));

        review(submit("m1.a"), Decision.ACCEPTED);

        assertThat(progress.unit("m1.a").orElseThrow().completedVersion()).isEqualTo(3);
        assertThat(last("unit-completed").data()).contains("\"unitVersion\":3");
    }

    @Test
    void aCompletedModuleStaysCompletedAtFullPercentageWhenAUnitIsAddedToIt() {
        complete("m2.a");
        modules = List.of(modules.get(0), module("m2", 2, unit("m2.a", "m2", 1), unit("m2.new", "m2", 1)));

        watch("m2.new");

        assertThat(progress.moduleCompleted("m2")).isTrue();
        assertThat(progress.percent(modules.get(1))).isEqualTo(100);
        assertThat(count("module-completed")).isEqualTo(1);
    }

    @Test
    void aModulesPercentageDoesNotGoDownWhenAUnitIsAddedToIt() {
        complete("m1.a");
        assertThat(progress.percent(modules.get(0))).isEqualTo(50);

        modules = List.of(module("m1", 1, unit("m1.a", "m1", 1), unit("m1.b", "m1", 1), unit("m1.c", "m1", 1)),
                modules.get(1));
        assertThat(progress.percent(modules.get(0))).as("read before any further change").isEqualTo(50);

        complete("m1.b");
        assertThat(progress.percent(modules.get(0))).isEqualTo(66);
        assertThat(progress.moduleCompleted("m1")).as("the added unit is still to do").isFalse();
    }

    @Test
    void theOverallPercentageIsTheMeanOfTheModules() {
        complete("m2.a");
        complete("m1.a");

        assertThat(progress.overallPercent(modules)).isEqualTo(75);
        assertThat(progress.modulesCompleted()).isEqualTo(1);
    }

    private static void assertRefused(ThrowingCallable change, String problem) {
        assertThatThrownBy(change).isInstanceOfSatisfying(ApiProblem.class,
                refused -> assertThat(refused.getBody().getType()).hasToString(ApiProblem.TYPE_BASE + problem));
    }

    private boolean watch(String unitId) {
        return progress.markWatched(unitOf(unitId), course(), NOW, EVENTS);
    }

    private String submit(String unitId) {
        String id = "s" + ++submissions;
        progress.submit(id, unitOf(unitId), "In Malmö we would", null, course(), NOW, EVENTS);
        return id;
    }

    private void review(String submissionId, Decision decision) {
        progress.review(submissionId, decision, decision == Decision.RETURNED ? "Say more" : null, "lead", course(),
                NOW, EVENTS);
    }

    private void complete(String unitId) {
        watch(unitId);
        review(submit(unitId), Decision.ACCEPTED);
    }

    private Progress.Course course() {
        return new Progress.Course(COHORT, modules);
    }

    private UnitOutline unitOf(String unitId) {
        return modules.stream().flatMap(module -> module.units().stream())
                .filter(unit -> unit.unitId().equals(unitId)).findFirst().orElseThrow();
    }

    private List<String> types() {
        List<String> types = new ArrayList<>();
        for (PendingEvent event : progress.outbox()) {
            types.add(event.type().replace("org.netzerocities.learning.enrollment.", "").replace(".v1", ""));
        }
        return types;
    }

    private long count(String type) {
        return types().stream().filter(type::equals).count();
    }

    private PendingEvent last(String type) {
        List<PendingEvent> matching = progress.outbox().stream()
                .filter(event -> event.type().equals("org.netzerocities.learning.enrollment." + type + ".v1"))
                .toList();
        assertThat(matching).as(type).isNotEmpty();
        assertThat(matching.get(0).topic()).isEqualTo(EventCatalog.LEARNING_ENROLLMENTS_TOPIC);
        return matching.get(matching.size() - 1);
    }

    private static ModuleOutline module(String id, int position, UnitOutline... units) {
        return new ModuleOutline(id, position, "Module " + id, List.of(units));
    }

    private static UnitOutline unit(String id, String moduleId, int version) {
        return new UnitOutline(id, moduleId, "Unit " + id, version);
    }
}
