package org.netzerocities.learning.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Enrolment, the waitlist and withdrawal through the API and as two instances would race, with what they publish. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class EnrollmentFlowTest extends CohortApi {

    @Autowired
    EnrollmentService enrollments;
    @Autowired
    StoredCohorts stored;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ApplicationContext context;

    private List<EnrollmentService> instances;

    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /**
     * The service and a second instance of it, built and proxied (retries included) as the context builds the
     * first: the same database, nothing shared in memory. Half the requests go to each, as behind a load balancer.
     */
    private List<EnrollmentService> instances() {
        if (instances == null) {
            instances = List.of(enrollments,
                    context.getAutowireCapableBeanFactory().createBean(EnrollmentService.class));
        }
        return instances;
    }

    @Test
    void ofThirtyMembersEnrollingAtOnceOnTwoInstancesForFivePlacesExactlyFiveGetOneAndTheRestWaitInOrder()
            throws Exception {
        String cohortId = published(5);
        List<String> members = IntStream.range(0, 30).mapToObj(i -> learner()).toList();

        List<EnrollmentService.Enrolled> outcomes = atOnce(members.size(),
                i -> instances().get(i % 2).enrol(cohortId, member(members.get(i))));

        assertThat(outcomes).allMatch(EnrollmentService.Enrolled::created);
        assertThat(outcomes).filteredOn(o -> o.enrollment().status() == EnrollmentStatus.ENROLLED).hasSize(5);
        assertThat(outcomes).filteredOn(o -> o.enrollment().status() == EnrollmentStatus.WAITLISTED).hasSize(25)
                .extracting(o -> o.enrollment().waitlistPosition()).doesNotHaveDuplicates();
        Cohort cohort = mongo.findById(cohortId, Cohort.class);
        assertThat(cohort.freePlaces()).isZero();
        assertThat(cohort.waitlisted()).isEqualTo(25);
        List<EnrollmentView> all = stored.enrollmentsIn(cohortId);
        assertThat(all).hasSize(30);
        List<String> waiting = all.stream().filter(e -> e.status() == EnrollmentStatus.WAITLISTED)
                .map(EnrollmentView::memberId).toList();
        List<EnrollmentView> holding = all.stream().filter(EnrollmentView::holdsPlace).toList();

        atOnce(2, i -> {
            instances().get(i).withdraw(holding.get(i).enrollmentId(), member(holding.get(i).memberId()));
            return null;
        });

        assertThat(stored.enrollmentsIn(cohortId).stream().filter(EnrollmentView::holdsPlace)
                .map(EnrollmentView::memberId)).hasSize(5).contains(waiting.get(0), waiting.get(1))
                .doesNotContain(waiting.get(2));
        var enrolled = published(cohortId, EventCatalog.LEARNER_ENROLLED.type(), 32);
        assertThat(enrolled.stream().map(r -> read(r, "$.status"))).filteredOn("ENROLLED"::equals).hasSize(5);
        assertThat(enrolled.stream().filter(r -> "PROMOTED".equals(read(r, "$.status")))
                .map(r -> (String) read(r, "$.memberId"))).containsExactly(waiting.get(0), waiting.get(1));
        assertThat(published(cohortId, EventCatalog.LEARNER_WITHDRAWN.type(), 2)).hasSize(2);
    }

    /** The unique index, not a check before the insert, keeps one enrolment per member even on two instances. */
    @Test
    void aMemberEnrollingTenTimesAtOnceGetsOneEnrolmentAndOnePlace() throws Exception {
        String cohortId = published(3);
        String member = learner();

        List<EnrollmentService.Enrolled> outcomes = atOnce(10,
                i -> instances().get(i % 2).enrol(cohortId, member(member)));

        assertThat(outcomes).extracting(o -> o.enrollment().enrollmentId()).containsOnly(
                outcomes.get(0).enrollment().enrollmentId());
        assertThat(outcomes).filteredOn(EnrollmentService.Enrolled::created).hasSize(1);
        assertThat(stored.enrollmentsIn(cohortId)).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where(EnrollmentRecord.MEMBER_ID).is(member)),
                EnrollmentRecord.class)).isOne();
        assertThat(mongo.findById(cohortId, Cohort.class).freePlaces()).isEqualTo(2);
    }

    @Test
    void aLearnerWithdrawsTheirPlaceGoesToTheFirstWaitingAndOnlyALaterCohortTakesThemAgain() throws Exception {
        String cohortId = published(1);
        String ana = learner();
        String ben = learner();
        String enrolment = enrolled(ana, cohortId);
        enrol(ana, cohortId).andExpect(status().isOk()).andExpect(jsonPath("$.enrollmentId").value(enrolment));
        enrol(ben, cohortId).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITLISTED"))
                .andExpect(jsonPath("$.waitlistPosition").value(1));

        withdraw(ana, enrolment).andExpect(status().isNoContent());
        withdraw(ana, enrolment).andExpect(status().isNoContent());

        enrol(ben, cohortId).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ENROLLED"));
        enrol(ana, cohortId).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/withdrawn")));
        enrol(ana, published(10)).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ENROLLED"));

        var withdrawn = published(cohortId, EventCatalog.LEARNER_WITHDRAWN.type(), 1);
        assertThat(withdrawn).singleElement().satisfies(r -> {
            assertThat((String) read(r, "$.memberId")).isEqualTo(ana);
            assertThat((String) read(r, "$.enrollmentId")).isEqualTo(enrolment);
        });
        var enrolled = published(cohortId, EventCatalog.LEARNER_ENROLLED.type(), 3);
        assertThat(enrolled.stream().map(r -> read(r, "$.memberId") + ":" + read(r, "$.status")))
                .containsExactly(ana + ":ENROLLED", ben + ":WAITLISTED", ben + ":PROMOTED");
        assertThat(stored.enrollmentsOf(ana)).extracting(EnrollmentView::status)
                .containsExactlyInAnyOrder(EnrollmentStatus.ENROLLED, EnrollmentStatus.WITHDRAWN);
    }

    @Test
    void onlyMembersTheProgrammeKnowsEnrol() throws Exception {
        enrol(java.util.UUID.randomUUID().toString(), published(3)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/learner-unknown")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not learnt of")));
    }

    @Test
    void theMembersExportHoldsTheirEnrolmentsAndNoOneElses() throws Exception {
        String cohortId = published(3);
        String ana = learner();
        String enrolment = enrolled(ana, cohortId);
        enrolled(learner(), cohortId);

        http.perform(get("/api/learning/me/export").with(as(ana, "MEMBER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enrollments.length()").value(1))
                .andExpect(jsonPath("$.enrollments[0].enrollmentId").value(enrolment))
                .andExpect(jsonPath("$.enrollments[0].cohortName").value("Malmö spring cycle"))
                .andExpect(jsonPath("$.enrollments[0].status").value("ENROLLED"));
        http.perform(get("/api/learning/me/export").with(as(learner(), "MEMBER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enrollments.length()").value(0));
    }

    private static Caller member(String memberId) {
        return new Caller(memberId, Set.of(GlobalRole.MEMBER), Set.of());
    }

    /** Runs {@code count} calls released at the same moment; their results in call order. */
    private <T> List<T> atOnce(int count, Function<Integer, T> call) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
                return call.apply(index);
            }, pool));
        }
        start.countDown();
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
