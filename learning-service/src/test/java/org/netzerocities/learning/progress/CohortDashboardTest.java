package org.netzerocities.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.learning.cohort.Cohorts.CohortStatus;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.program.Programme.ModuleOutline;
import org.netzerocities.learning.program.Programme.UnitOutline;
import org.netzerocities.learning.progress.CohortDashboard.Figures;

/** The cohort dashboard's figures and who is behind, from the cohort's data, without Spring. */
class CohortDashboardTest {

    private static final LocalDate STARTS = LocalDate.parse("2026-03-01");
    private static final LocalDate ENDS = LocalDate.parse("2026-05-20");
    private static final EventFactory EVENTS = new EventFactory("/test", new EventCodec(), Clock.systemUTC(),
            () -> null);
    private static final CohortView COHORT = new CohortView("c1", "Spring", "en", "lead", Map.of(), STARTS, ENDS, 10,
            CohortStatus.PUBLISHED);
    private static final List<ModuleOutline> MODULES = List.of(module("m1"), module("m2"), module("m3"),
            module("m4"), module("m5"));

    @Test
    void theCohortsDaysAreSharedEvenlyAmongTheModulesAndAModuleIsExpectedOnceItsDueDayPassed() {
        // 80 days: modules due on days 16, 32, 48, 64 and 80 (the last day)
        assertThat(expectedOn("2026-02-20")).as("before the start").isZero();
        assertThat(expectedOn("2026-03-17")).as("module 1's due day").isZero();
        assertThat(expectedOn("2026-03-18")).as("the day after").isEqualTo(1);
        assertThat(expectedOn("2026-04-18")).as("module 3's due day").isEqualTo(2);
        assertThat(expectedOn("2026-04-19")).isEqualTo(3);
        assertThat(expectedOn("2026-05-20")).as("the last day").isEqualTo(4);
        assertThat(expectedOn("2026-05-21")).as("after the end").isEqualTo(5);
        assertThat(CohortDashboard.expectedModules(STARTS, STARTS, 5, STARTS.plusDays(2))).as("a one-day cohort")
                .isEqualTo(5);
    }

    @Test
    void aLearnerHoldingAPlaceIsBehindWithFewerModulesCompletedThanExpectedInWhateverOrder() {
        Instant now = Instant.parse("2026-04-03T09:00:00Z"); // day 33: two modules expected
        Progress ahead = progress("e1", "m1", "m2", "m3");
        Progress onTime = progress("e2", "m5", "m3");
        Progress late = progress("e3", "m1");

        CohortDashboard dashboard = CohortDashboard.of(sources(List.of(enrolled("e1", "a"), enrolled("e2", "b"),
                enrolled("e3", "c"), withdrawn("e4", "d")), List.of(ahead, onTime, late), List.of()), now);

        assertThat(dashboard.expectedModules()).isEqualTo(2);
        assertThat(dashboard.learners()).extracting(CohortDashboard.LearnerRow::enrollmentId,
                CohortDashboard.LearnerRow::behind)
                .as("the behind first").startsWith(tuple("e3", true))
                .contains(tuple("e1", false),
                        tuple("e2", false),
                        tuple("e4", false));
    }

    @Test
    void figuresCountTheCohortAndEachCityOfItsLearners() {
        Instant now = Instant.parse("2026-04-03T09:00:00Z");
        Progress active = progress("e1", "m1");
        active.markWatched(MODULES.get(1).units().get(0), new Progress.Course(COHORT, MODULES),
                now.minus(Duration.ofDays(13)), EVENTS);
        Progress idle = progress("e2");
        idle.markWatched(MODULES.get(1).units().get(0), new Progress.Course(COHORT, MODULES),
                now.minus(Duration.ofDays(15)), EVENTS);
        Progress awaiting = Progress.start("e3", "c", "c1");
        awaiting.submit("s1", MODULES.get(0).units().get(0), "text", null, new Progress.Course(COHORT, MODULES),
                now.minus(Duration.ofDays(20)), EVENTS);
        Progress left = progress("e4", "m1", "m2");
        QuestionThread asked = QuestionThread.start("c1", "b");
        asked.ask("q1", "e2", "Where is the transcript?", COHORT, now.minus(Duration.ofDays(1)), EVENTS);

        CohortDashboard dashboard = CohortDashboard.of(new CohortDashboard.Sources(COHORT, MODULES,
                List.of(enrolled("e1", "a"), enrolled("e2", "b"), enrolled("e3", "c"), withdrawn("e4", "d"),
                        new EnrollmentView("e5", "c1", "e", EnrollmentStatus.WAITLISTED, now, null)),
                List.of(active, idle, awaiting, left), List.of(asked),
                List.of(certificate("e1", "a", null), certificate("e4", "d", now)),
                Map.of("a", learner("a", "malmo"), "b", learner("b", "malmo"), "c", learner("c", "cluj-napoca"),
                        "d", learner("d", "cluj-napoca"))), now);

        assertThat(dashboard.figures()).isEqualTo(new Figures(3, 1, 1, 2, 3, 1));
        assertThat(dashboard.cities()).containsExactly(
                new CohortDashboard.CityFigures("cluj-napoca", new Figures(1, 0, 1, 0, 2, 0)),
                new CohortDashboard.CityFigures("malmo", new Figures(2, 0, 0, 2, 1, 1)),
                new CohortDashboard.CityFigures(null, new Figures(0, 1, 0, 0, 0, 0)));
        assertThat(dashboard.homeworkWaiting()).singleElement().satisfies(waiting -> {
            assertThat(waiting.submissionId()).isEqualTo("s1");
            assertThat(waiting.displayName()).isEqualTo("Learner c");
        });
        assertThat(dashboard.unansweredQuestions()).isEqualTo(1);
        assertThat(dashboard.learners()).filteredOn(row -> row.memberId().equals("b")).singleElement()
                .satisfies(row -> {
                    assertThat(row.active()).as("asked a question yesterday").isTrue();
                    assertThat(row.unansweredQuestions()).isEqualTo(1);
                });
    }

    private static int expectedOn(String day) {
        return CohortDashboard.expectedModules(STARTS, ENDS, 5, LocalDate.parse(day));
    }

    private static CohortDashboard.Sources sources(List<EnrollmentView> enrollments, List<Progress> progress,
            List<HeldCertificate> certificates) {
        return new CohortDashboard.Sources(COHORT, MODULES, enrollments, progress, List.of(), certificates, Map.of());
    }

    /** The enrolment's progress with {@code completed} modules complete, long ago. */
    private static Progress progress(String enrollmentId, String... completed) {
        Progress progress = Progress.start(enrollmentId, "member-" + enrollmentId, "c1");
        Progress.Course course = new Progress.Course(COHORT, MODULES);
        Instant then = Instant.parse("2026-03-02T10:00:00Z");
        for (String moduleId : completed) {
            UnitOutline unit = MODULES.stream().filter(module -> module.moduleId().equals(moduleId)).findFirst()
                    .orElseThrow().units().get(0);
            progress.markWatched(unit, course, then, EVENTS);
            String submission = enrollmentId + "-" + moduleId;
            progress.submit(submission, unit, "text", null, course, then, EVENTS);
            progress.review(submission, Decision.ACCEPTED, null, "lead", course, then, EVENTS);
        }
        return progress;
    }

    private static EnrollmentView enrolled(String enrollmentId, String memberId) {
        return new EnrollmentView(enrollmentId, "c1", memberId, EnrollmentStatus.ENROLLED, Instant.EPOCH, null);
    }

    private static EnrollmentView withdrawn(String enrollmentId, String memberId) {
        return new EnrollmentView(enrollmentId, "c1", memberId, EnrollmentStatus.WITHDRAWN, Instant.EPOCH,
                Instant.EPOCH);
    }

    private static HeldCertificate certificate(String enrollmentId, String memberId, Instant revokedAt) {
        return new HeldCertificate(enrollmentId, "cert-" + enrollmentId, memberId, "c1", "CODE", Instant.EPOCH,
                revokedAt, revokedAt == null ? null : "issued in error");
    }

    private static Learner learner(String memberId, String city) {
        return new Learner(memberId, "Learner " + memberId, city, List.of("en"), List.of(), Instant.EPOCH);
    }

    private static ModuleOutline module(String id) {
        return new ModuleOutline(id, Integer.parseInt(id.substring(1)), "Module " + id,
                List.of(new UnitOutline(id + ".a", id, "Unit " + id + ".a", 1)));
    }
}
