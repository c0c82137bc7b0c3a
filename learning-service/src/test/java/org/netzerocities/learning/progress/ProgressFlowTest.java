package org.netzerocities.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.learning.program.Programme.ModuleOutline;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** A learner's way through the programme, with what it publishes on the enrolments topic. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ProgressFlowTest extends ProgressApi {

    private static final String TOPIC = EventCatalog.LEARNING_ENROLLMENTS_TOPIC;

    @Autowired
    ProgressService progress;

    @Test
    void aModuleCompletedUnitByUnitIsAnnouncedToItsFacilitatorsKeyedByTheEnrolment() throws Exception {
        ModuleOutline module = module(2);
        String second = learner("malmo");
        Enrolment e = enrolment(Map.of(module.moduleId(), second));

        String first = module.units().get(0).unitId();
        String submission = submitted(e.member(), e.enrollmentId(), first);
        review(second, submission, "{\"decision\":\"ACCEPTED\",\"feedback\":\"Clear and local\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.reviewerId").value(second));
        watch(e.member(), e.enrollmentId(), first)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.completed").value(true))
                .andExpect(jsonPath("$.completedVersion").value(1));
        for (var unit : module.units().subList(1, module.units().size())) {
            complete(e.member(), e.enrollmentId(), unit.unitId(), e.lead());
        }

        var submitted = events(TOPIC, e.enrollmentId(), EventCatalog.HOMEWORK_SUBMITTED.type(), 1).get(0);
        assertThat((String) read(submitted, "$.submissionId")).isEqualTo(submission);
        assertThat((List<String>) read(submitted, "$.facilitatorIds")).containsExactly(e.lead(), second);
        var reviewed = events(TOPIC, e.enrollmentId(), EventCatalog.HOMEWORK_REVIEWED.type(), 1).get(0);
        assertThat((String) read(reviewed, "$.decision")).isEqualTo("ACCEPTED");
        assertThat((String) read(reviewed, "$.feedback")).isEqualTo("Clear and local");
        assertThat(events(TOPIC, e.enrollmentId(), EventCatalog.UNIT_COMPLETED.type(), module.units().size()))
                .extracting(record -> (String) read(record, "$.unitId"))
                .containsExactlyElementsOf(module.units().stream().map(unit -> unit.unitId()).toList());
        var completed = events(TOPIC, e.enrollmentId(), EventCatalog.MODULE_COMPLETED.type(), 1).get(0);
        assertThat((String) read(completed, "$.moduleId")).isEqualTo(module.moduleId());
        assertThat((String) read(completed, "$.memberId")).isEqualTo(e.member());
        assertThat((String) read(completed, "$.cohortId")).isEqualTo(e.cohortId());
        assertThat((List<String>) read(completed, "$.facilitatorIds")).containsExactly(e.lead(), second);

        http.perform(get("/api/learning/enrollments/me").with(as(e.member())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].enrollmentId").value(e.enrollmentId()))
                .andExpect(jsonPath("$[0].status").value("ENROLLED"))
                .andExpect(jsonPath("$[0].modulesCompleted").value(1))
                .andExpect(jsonPath("$[0].modules[0].percent").value(0))
                .andExpect(jsonPath("$[0].modules[1].percent").value(100))
                .andExpect(jsonPath("$[0].modules[1].completed").value(true))
                .andExpect(jsonPath("$[0].modules[1].units[0].watched").value(true))
                .andExpect(jsonPath("$[0].modules[1].units[0].homeworkStatus").value("ACCEPTED"))
                .andExpect(jsonPath("$[0].modules[1].units[0].homework.feedback").value("Clear and local"))
                .andExpect(jsonPath("$[0].certificate").doesNotExist());
    }

    @Test
    void completingAllFiveModulesCompletesTheProgrammeOnceAndAnnouncesEachStepOnce() throws Exception {
        Enrolment e = enrolment(Map.of());
        List<ModuleOutline> modules = programme.modules();
        assertThat(modules).hasSize(5);

        for (ModuleOutline module : modules) {
            complete(e.member(), e.enrollmentId(), module, e.lead());
        }

        List<ConsumerRecord<String, String>> all = allEventsOf(TOPIC, e.enrollmentId());
        int units = modules.stream().mapToInt(module -> module.units().size()).sum();
        assertThat(countByType(all)).isEqualTo(Map.of(
                EventCatalog.HOMEWORK_SUBMITTED.type(), (long) units,
                EventCatalog.HOMEWORK_REVIEWED.type(), (long) units,
                EventCatalog.UNIT_COMPLETED.type(), (long) units,
                EventCatalog.MODULE_COMPLETED.type(), 5L,
                EventCatalog.PROGRAM_COMPLETED.type(), 1L));
        ConsumerRecord<String, String> completed = all.get(all.size() - 1);
        assertThat(type(completed)).as("the programme after its last module")
                .isEqualTo(EventCatalog.PROGRAM_COMPLETED.type());
        assertThat((String) read(completed, "$.cohortName")).isEqualTo("Malmö spring cycle");
        assertThat((String) read(completed, "$.memberId")).isEqualTo(e.member());

        http.perform(get("/api/learning/enrollments/me").with(as(e.member())))
                .andExpect(jsonPath("$[0].percent").value(100))
                .andExpect(jsonPath("$[0].modulesCompleted").value(5))
                .andExpect(jsonPath("$[0].programCompletedAt").isNotEmpty());
    }

    /**
     * Two facilitators accept the same submission while the learner marks the masterclass watched several times
     * at once, as requests spread over two instances would: every change is a save under the document's version,
     * so the unit, its module and the review are each announced once.
     */
    @Test
    void concurrentReviewsAndMarksCompleteTheUnitAndItsModuleOnce() throws Exception {
        ModuleOutline module = module(4);
        String second = learner("malmo");
        Enrolment e = enrolment(Map.of(module.moduleId(), second));
        complete(e.member(), e.enrollmentId(), module.units().get(0).unitId(), e.lead());
        String last = module.units().get(1).unitId();
        String submission = submitted(e.member(), e.enrollmentId(), last);

        List<Callable<Object>> changes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Caller reviewer = caller(i % 2 == 0 ? e.lead() : second);
            changes.add(() -> progress.review(submission, Decision.ACCEPTED, null, reviewer));
            changes.add(() -> progress.markWatched(e.enrollmentId(), last, caller(e.member())));
        }
        List<Object> outcomes = runTogether(changes);

        assertThat(outcomes.stream().filter(ProgressViews.SubmissionView.class::isInstance)).as("accepted")
                .hasSize(1);
        assertThat(outcomes.stream().filter(ApiProblem.class::isInstance).map(ApiProblem.class::cast))
                .as("the other reviews, having read the submission again").hasSize(3)
                .allSatisfy(refused -> assertThat(refused.getBody().getType())
                        .hasToString(ApiProblem.TYPE_BASE + "already-reviewed"));
        assertThat(outcomes.stream().filter(ProgressViews.UnitView.class::isInstance)).as("marks, retried until saved")
                .hasSize(4);
        Map<String, Long> counts = countByType(allEventsOf(TOPIC, e.enrollmentId()));
        assertThat(counts.get(EventCatalog.HOMEWORK_REVIEWED.type())).isEqualTo(2);
        assertThat(counts.get(EventCatalog.UNIT_COMPLETED.type())).isEqualTo(2);
        assertThat(counts.get(EventCatalog.MODULE_COMPLETED.type())).isEqualTo(1);
    }

    @Test
    void homeworkIsResubmittedOnceReturnedAndRefusedWhileAwaitingReviewOrOnceAccepted() throws Exception {
        Enrolment e = enrolment(Map.of());
        String unit = module(1).units().get(0).unitId();

        String first = string(submit(e.member(), e.enrollmentId(), unit,
                "{\"link\":\"https://example.org/our-portfolio\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.link").value("https://example.org/our-portfolio")), "$.submissionId");
        submit(e.member(), e.enrollmentId(), unit, "{\"text\":\"again\"}").andExpect(status().isConflict());
        review(e.lead(), first, "{\"decision\":\"RETURNED\"}").andExpect(status().isBadRequest());
        review(e.lead(), first, "{\"decision\":\"RETURNED\",\"feedback\":\"Name one action\"}")
                .andExpect(status().isOk());
        review(e.lead(), first, "{\"decision\":\"ACCEPTED\"}").andExpect(status().isConflict());

        String second = string(submit(e.member(), e.enrollmentId(), unit, "{\"text\":\"" + TEXT + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attempt").value(2)), "$.submissionId");
        review(e.lead(), second, "{\"decision\":\"ACCEPTED\"}").andExpect(status().isOk());
        submit(e.member(), e.enrollmentId(), unit, "{\"text\":\"more\"}").andExpect(status().isConflict());

        http.perform(get("/api/learning/enrollments/me").with(as(e.member())))
                .andExpect(jsonPath("$[0].modules[0].units[0].homeworkStatus").value("ACCEPTED"))
                .andExpect(jsonPath("$[0].modules[0].units[0].completed").value(false))
                .andExpect(jsonPath("$[0].modules[0].units[0].homework.attempt").value(2));
    }

    @Test
    void onlyTheCohortsFacilitatorsReviewAndSeeTheQueue() throws Exception {
        String otherLead = learner("malmo");
        cohort(otherLead, Map.of(), 10);
        Enrolment e = enrolment(Map.of());
        String unit = module(3).units().get(1).unitId();
        String submission = submitted(e.member(), e.enrollmentId(), unit);
        String accept = "{\"decision\":\"ACCEPTED\"}";

        review(e.member(), submission, accept).andExpect(status().isForbidden());
        review(learner("malmo"), submission, accept).andExpect(status().isForbidden());
        review(otherLead, submission, accept).andExpect(status().isForbidden());
        review(as(learner("malmo"), "MEMBER", "ADMIN"), submission, accept).andExpect(status().isForbidden());

        String queue = "/api/learning/cohorts/{id}/homework";
        http.perform(get(queue, e.cohortId()).with(as(e.member()))).andExpect(status().isForbidden());
        http.perform(get(queue, e.cohortId()).with(as(otherLead))).andExpect(status().isForbidden());
        http.perform(get(queue, e.cohortId()).with(as(e.lead())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].submissionId").value(submission))
                .andExpect(jsonPath("$.items[0].text").value(TEXT))
                .andExpect(jsonPath("$.items[0].unitId").value(unit))
                .andExpect(jsonPath("$.items[0].displayName").value("Learner " + e.member().substring(0, 4)));

        review(e.lead(), submission, accept).andExpect(status().isOk());
        http.perform(get(queue, e.cohortId()).with(as(learner("malmo"), "MEMBER", "ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        http.perform(get(queue, e.cohortId()).param("status", "ACCEPTED").with(as(e.lead())))
                .andExpect(jsonPath("$.items[0].submissionId").value(submission))
                .andExpect(jsonPath("$.items[0].reviewerId").value(e.lead()));
    }

    private static Caller caller(String memberId) {
        return new Caller(memberId, Set.of(GlobalRole.MEMBER), Set.of());
    }

    /** Runs the changes at once; each outcome is the change's result or what it threw. */
    private static List<Object> runTogether(List<Callable<Object>> changes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(changes.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> change : changes) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return change.call();
                    }
                    catch (RuntimeException refused) {
                        return refused;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> countByType(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.groupingBy(ProgressApi::type, Collectors.counting()));
    }
}
