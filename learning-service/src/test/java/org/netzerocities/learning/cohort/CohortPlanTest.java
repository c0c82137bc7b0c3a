package org.netzerocities.learning.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.learning.cohort.DiscussionSession.SessionPlan;
import org.netzerocities.support.ApiProblem;

/** The rules every cohort plan satisfies, new or changed, and the default schedule of its sessions. */
class CohortPlanTest {

    static final List<String> MODULES = List.of("cities-mission", "contributing-to-nzc", "citizen-engagement",
            "social-innovation", "systems-thinking");
    static final LocalDate TODAY = LocalDate.parse("2027-02-01");
    static final LocalDate STARTS = LocalDate.parse("2027-03-01");
    static final LocalDate ENDS = STARTS.plusDays(50);
    static final String LINK = "https://meet.example.org/room";

    static CohortPlan plan(LocalDate startsOn, LocalDate endsOn, int capacity, String lead,
            Map<String, String> moduleFacilitators) {
        return new CohortPlan("Spring cycle", "en", startsOn, endsOn, capacity, lead, moduleFacilitators,
                CohortPlan.defaultSessions(startsOn, endsOn, LINK, MODULES));
    }

    static CohortPlan plan(int capacity) {
        return plan(STARTS, ENDS, capacity, "lead", Map.of());
    }

    @Test
    void byDefaultASessionClosesEachModuleButTheLastOnItsLastDayAtThreeInTheAfternoonUtc() {
        List<SessionPlan> sessions = CohortPlan.defaultSessions(STARTS, ENDS, LINK, MODULES);

        assertThat(sessions).extracting(SessionPlan::startsAt).containsExactly(
                Instant.parse("2027-03-11T15:00:00Z"), Instant.parse("2027-03-21T15:00:00Z"),
                Instant.parse("2027-03-31T15:00:00Z"), Instant.parse("2027-04-10T15:00:00Z"));
        assertThat(sessions).extracting(SessionPlan::moduleId).containsExactlyElementsOf(MODULES.subList(0, 4));
        assertThat(sessions).allSatisfy(session -> {
            assertThat(session.durationMinutes()).isEqualTo(90);
            assertThat(session.link()).isEqualTo(LINK);
        });
    }

    @Test
    void theDefaultScheduleSpreadsAShortCohortOverItsDaysToo() {
        List<SessionPlan> sessions = CohortPlan.defaultSessions(STARTS, STARTS.plusDays(7), LINK, MODULES);

        assertThat(sessions).extracting(s -> s.startsAt().toString().substring(0, 10))
                .containsExactly("2027-03-02", "2027-03-04", "2027-03-05", "2027-03-07");
        assertThatCode(() -> plan(STARTS, STARTS.plusDays(7), 5, "lead", Map.of()).check(TODAY, MODULES))
                .doesNotThrowAnyException();
    }

    @Test
    void aPlanWithinTheRulesPasses() {
        assertThatCode(() -> plan(STARTS, ENDS, 30, "lead", Map.of("systems-thinking", "sam")).check(TODAY, MODULES))
                .doesNotThrowAnyException();
    }

    @Test
    void aCohortStartsAfterTodayAndWithinTwoYears() {
        assertThat(errors(plan(TODAY, TODAY.plusDays(50), 5, "lead", Map.of()))).containsExactly("startsOn");
        assertThat(errors(plan(TODAY.plusDays(731), TODAY.plusDays(781), 5, "lead", Map.of())))
                .containsExactly("startsOn");
        assertThatCode(() -> plan(TODAY.plusDays(1), TODAY.plusDays(8), 5, "lead", Map.of()).check(TODAY, MODULES))
                .doesNotThrowAnyException();
    }

    @Test
    void aCohortRunsAWeekToTwoYears() {
        assertThat(errors(plan(STARTS, STARTS.plusDays(6), 5, "lead", Map.of()))).containsExactly("endsOn");
        assertThat(errors(plan(STARTS, STARTS.plusDays(731), 5, "lead", Map.of()))).containsExactly("endsOn");
        assertThat(errors(new CohortPlan("x", "en", STARTS, STARTS.minusDays(3), 5, "lead", Map.of(),
                CohortPlan.defaultSessions(STARTS, ENDS, LINK, MODULES)))).contains("endsOn");
    }

    @Test
    void sessionsFallWithinTheCohortsDaysAndNameModulesOfTheProgramme() {
        List<SessionPlan> sessions = List.of(session("cities-mission", "2027-03-01T08:00:00Z"),
                session(null, "2027-04-20T20:00:00Z"), session("telepathy", "2027-03-10T15:00:00Z"),
                session("systems-thinking", "2027-04-21T00:00:00Z"));

        assertThat(errors(new CohortPlan("x", "en", STARTS, ENDS, 5, "lead", Map.of(), sessions)))
                .containsExactly("sessions[2].moduleId", "sessions[3].startsAt");
        assertThat(errors(new CohortPlan("x", "en", STARTS, ENDS, 5, "lead", Map.of(), List.of(
                session(null, "2027-02-28T23:59:00Z"), sessions.get(0), sessions.get(1), sessions.get(0)))))
                .containsExactly("sessions[0].startsAt");
    }

    @Test
    void moduleFacilitatorsFacilitateModulesOfTheProgramme() {
        assertThat(errors(plan(STARTS, ENDS, 5, "lead", Map.of("cities-mission", "a", "alchemy", "b"))))
                .containsExactly("moduleFacilitatorIds");
    }

    @Test
    void theLanguageIsAnIsoLanguage() {
        assertThat(errors(new CohortPlan("x", "zz", STARTS, ENDS, 5, "lead", Map.of(),
                CohortPlan.defaultSessions(STARTS, ENDS, LINK, MODULES)))).containsExactly("language");
        assertThatCode(() -> new CohortPlan("x", "ro", STARTS, ENDS, 5, "lead", Map.of(),
                CohortPlan.defaultSessions(STARTS, ENDS, LINK, MODULES)).check(TODAY, MODULES))
                .doesNotThrowAnyException();
    }

    @Test
    void moduleFacilitatorsAreKeptInProgrammeOrder() {
        CohortPlan plan = plan(STARTS, ENDS, 5, "lead", Map.of("systems-thinking", "c", "cities-mission", "a",
                "social-innovation", "b")).inOrderOf(MODULES);

        assertThat(plan.moduleFacilitatorIds().keySet())
                .containsExactly("cities-mission", "social-innovation", "systems-thinking");
    }

    static SessionPlan session(String moduleId, String startsAt) {
        return new SessionPlan(moduleId, Instant.parse(startsAt), 60, LINK);
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(CohortPlan plan) {
        try {
            plan.check(TODAY, MODULES);
        }
        catch (ApiProblem problem) {
            assertThat(problem.getStatusCode().value()).isEqualTo(400);
            return ((List<ApiProblem.FieldError>) problem.getBody().getProperties().get("errors")).stream()
                    .map(ApiProblem.FieldError::field).toList();
        }
        throw new AssertionError("the plan was accepted");
    }
}
