package org.netzerocities.campaign.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.campaign.plan.PlanRequest.ActionRequest;
import org.netzerocities.campaign.plan.PlannedAction.Status;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;

import com.jayway.jsonpath.JsonPath;

/** The rules of an engagement plan, without Spring or a database. */
class EngagementPlanTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private final EventFactory events = new EventFactory("/test", new EventCodec(), Clock.fixed(NOW, ZoneOffset.UTC),
            () -> null);

    private static PlanRequest request(List<ActionRequest> actions, Long revision) {
        return new PlanRequest(" Talks at the library ", "Reach 200 neighbours", "Pensioners of Möllevången",
                List.of("Instagram @ana", "Library evenings"), actions, List.of("https://netzerocities.eu/mission"),
                revision);
    }

    private static EngagementPlan plan(ActionRequest... actions) {
        return EngagementPlan.write("plan-1", "ana", "malmo", 0, request(List.of(actions), null), TODAY, NOW);
    }

    private static ActionRequest action(String id, String title, LocalDate dueOn) {
        return new ActionRequest(id, title, dueOn);
    }

    private static int status(ApiProblem problem) {
        return problem.getStatusCode().value();
    }

    @Test
    void aNewPlansActionsStartPlannedEachWithAnIdOfItsOwn() {
        EngagementPlan plan = plan(action(null, "First talk", TODAY.plusDays(7)), action(null, "Second talk",
                TODAY.plusDays(14)));

        assertThat(plan.title()).isEqualTo("Talks at the library");
        assertThat(plan.actions()).extracting(PlannedAction::status).containsExactly(Status.PLANNED, Status.PLANNED);
        assertThat(plan.actions()).extracting(PlannedAction::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(plan.revision()).isZero();
        assertThat(plan.outbox()).isEmpty();
    }

    @Test
    void actionsAreDatedFrom2021ToFiveYearsAhead() {
        assertThat(plan(action(null, "Earliest", LocalDate.of(2021, 1, 1)), action(null, "Latest",
                TODAY.plusYears(5))).actions()).hasSize(2);

        for (LocalDate insane : List.of(LocalDate.of(2020, 12, 31), TODAY.plusYears(5).plusDays(1),
                LocalDate.of(9999, 12, 31), LocalDate.of(1, 1, 1))) {
            assertThatThrownBy(() -> plan(action(null, "Talk", insane))).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(status(problem)).isEqualTo(400));
        }
    }

    @Test
    void aNewPlansActionCannotNameAnId() {
        assertThatThrownBy(() -> plan(action("0c3f7a6e-aaaa-bbbb-cccc-000000000000", "Talk", TODAY)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(400));
    }

    @Test
    void aLinkWithoutHostIsRefused() {
        assertThatThrownBy(() -> EngagementPlan.write("plan-1", "ana", "malmo", 0, new PlanRequest("Talks", null,
                null, null, null, List.of("https://:443/x"), null), TODAY, NOW))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(400));
    }

    @Test
    void revisingKeepsTheProgressOfActionsSentWithTheirIdDropsThoseLeftOutAndAddsNewOnes() {
        EngagementPlan plan = plan(action(null, "Keep", TODAY), action(null, "Drop", TODAY));
        String kept = plan.actions().get(0).id();
        plan.progress(kept, new ActionUpdate(Status.IN_PROGRESS, "Booked the room"), NOW);

        plan.revise(request(List.of(action(null, "New", TODAY.plusDays(30)), action(kept, "Kept, renamed",
                TODAY.plusDays(1))), 1L), TODAY, NOW.plusSeconds(60));

        assertThat(plan.actions()).hasSize(2);
        assertThat(plan.actions().get(0).status()).isEqualTo(Status.PLANNED);
        assertThat(plan.actions().get(1)).satisfies(action -> {
            assertThat(action.id()).isEqualTo(kept);
            assertThat(action.title()).isEqualTo("Kept, renamed");
            assertThat(action.dueOn()).isEqualTo(TODAY.plusDays(1));
            assertThat(action.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(action.notes()).extracting(PlannedAction.ProgressNote::text).containsExactly("Booked the room");
        });
        assertThat(plan.revision()).isEqualTo(2);
    }

    @Test
    void revisingFromAStaleRevisionIsAConflictAndChangesNothing() {
        EngagementPlan plan = plan(action(null, "Talk", TODAY));
        plan.progress(plan.actions().get(0).id(), new ActionUpdate(Status.DONE, null), NOW);

        assertThatThrownBy(() -> plan.revise(request(List.of(), 0L), TODAY, NOW))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(409));
        assertThatThrownBy(() -> plan.revise(request(List.of(), null), TODAY, NOW))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(400));
        assertThat(plan.actions()).hasSize(1);
        assertThat(plan.revision()).isEqualTo(1);
    }

    @Test
    void revisingRefusesAnActionIdNamedTwiceOrNotOfThePlan() {
        EngagementPlan plan = plan(action(null, "Talk", TODAY));
        String id = plan.actions().get(0).id();

        for (List<ActionRequest> actions : List.of(List.of(action(id, "A", TODAY), action(id, "B", TODAY)),
                List.of(action("0c3f7a6e-aaaa-bbbb-cccc-000000000000", "A", TODAY)))) {
            assertThatThrownBy(() -> plan.revise(request(actions, 0L), TODAY, NOW))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(400));
        }
        assertThat(plan.actions()).extracting(PlannedAction::title).containsExactly("Talk");
    }

    @Test
    void anOpenActionMovesToAnyStatusAndANoteRecordsTheStatusItWasWrittenIn() {
        EngagementPlan plan = plan(action(null, "Talk", TODAY));
        String id = plan.actions().get(0).id();

        plan.progress(id, new ActionUpdate(Status.IN_PROGRESS, null), NOW);
        plan.progress(id, new ActionUpdate(Status.PLANNED, "Postponed a week"), NOW);
        plan.progress(id, new ActionUpdate(null, "Room booked"), NOW);
        plan.progress(id, new ActionUpdate(Status.DONE, "  30 people came  "), NOW);

        assertThat(plan.actions().get(0).status()).isEqualTo(Status.DONE);
        assertThat(plan.actions().get(0).notes()).extracting(note -> note.status() + ":" + note.text())
                .containsExactly("PLANNED:Postponed a week", "PLANNED:Room booked", "DONE:30 people came");
    }

    @Test
    void aClosedActionOnlyReopensInProgress() {
        EngagementPlan plan = plan(action(null, "Done", TODAY), action(null, "Dropped", TODAY));
        String done = plan.actions().get(0).id();
        String dropped = plan.actions().get(1).id();
        plan.progress(done, new ActionUpdate(Status.DONE, null), NOW);
        plan.progress(dropped, new ActionUpdate(Status.DROPPED, null), NOW);

        for (Status elsewhere : List.of(Status.PLANNED, Status.DROPPED)) {
            assertThatThrownBy(() -> plan.progress(done, new ActionUpdate(elsewhere, null), NOW))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(409));
        }
        assertThatThrownBy(() -> plan.progress(dropped, new ActionUpdate(Status.DONE, null), NOW))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(409));
        plan.progress(done, new ActionUpdate(null, "Still a note on what happened"), NOW);
        plan.progress(dropped, new ActionUpdate(Status.IN_PROGRESS, "Back on"), NOW);

        assertThat(plan.actions()).extracting(PlannedAction::status).containsExactly(Status.DONE, Status.IN_PROGRESS);
    }

    @Test
    void anActionKeepsAtMostTwentyNotes() {
        EngagementPlan plan = plan(action(null, "Talk", TODAY));
        String id = plan.actions().get(0).id();
        for (int i = 0; i < PlanText.MAX_NOTES; i++) {
            plan.progress(id, new ActionUpdate(null, "note " + i), NOW);
        }

        assertThatThrownBy(() -> plan.progress(id, new ActionUpdate(null, "one too many"), NOW))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(409));
        assertThat(plan.actions().get(0).notes()).hasSize(PlanText.MAX_NOTES);
    }

    @Test
    void progressNeedsAStatusOrANoteAndAnActionOfThePlan() {
        EngagementPlan plan = plan(action(null, "Talk", TODAY));

        assertThatThrownBy(() -> plan.progress(plan.actions().get(0).id(), new ActionUpdate(null, null), NOW))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(400));
        assertThatThrownBy(() -> plan.progress("no-such-action", new ActionUpdate(Status.DONE, null), NOW))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(status(problem)).isEqualTo(404));
        assertThat(plan.revision()).isZero();
    }

    @Test
    void sharingAnnouncesThePlanToTheCityOnceAndAgainOnlyAfterAMove() {
        EngagementPlan plan = plan(action(null, "Talk", TODAY));

        assertThat(plan.share("malmo", events, NOW)).isTrue();
        assertThat(plan.share("malmo", events, NOW)).isFalse();
        assertThat(plan.sharedWith()).isEqualTo("malmo");
        assertThat(plan.share("lund", events, NOW)).isTrue();

        assertThat(plan.outbox()).hasSize(2).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(EventCatalog.ENGAGEMENT_PLAN_SHARED.type());
            assertThat(event.key()).isEqualTo("plan-1");
        });
        String shared = plan.outbox().get(1).data();
        assertThat(JsonPath.<String>read(shared, "$.planId")).isEqualTo("plan-1");
        assertThat(JsonPath.<String>read(shared, "$.memberId")).isEqualTo("ana");
        assertThat(JsonPath.<String>read(shared, "$.city")).isEqualTo("lund");
        assertThat(JsonPath.<String>read(shared, "$.title")).isEqualTo("Talks at the library");
        assertThat(plan.city()).isEqualTo("lund");
    }
}
