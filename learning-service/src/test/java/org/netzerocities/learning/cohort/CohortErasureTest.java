package org.netzerocities.learning.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/** What the programme forgets of an erased member, on their MemberErased from the broker. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CohortErasureTest extends CohortApi {

    @Autowired
    StoredCohorts stored;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anErasedLearnersPlaceGoesToTheFirstWaitingAndNothingOfTheirEnrolmentsStays() throws Exception {
        String cohortId = published(1);
        String ana = learner();
        String ben = learner();
        String enrolment = enrolled(ana, cohortId);
        enrolled(ben, cohortId);
        String later = published(5);
        enrolled(ana, later);

        erase(ana, "malmo");

        await().atMost(CONSUMED_WITHIN).until(() -> mongo.count(Query.query(Criteria.where(EnrollmentRecord.MEMBER_ID)
                .is(ana)), EnrollmentRecord.class) == 0);
        assertThat(stored.enrollmentsOf(ana)).isEmpty();
        assertThat(stored.enrollment(enrolment)).isEmpty();
        assertThat(stored.enrollmentsIn(cohortId)).singleElement().satisfies(e -> {
            assertThat(e.memberId()).isEqualTo(ben);
            assertThat(e.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        });
        assertThat(stored.enrollmentsIn(later)).isEmpty();
        assertThat(mongo.findById(later, Cohort.class).freePlaces()).isEqualTo(5);
        assertThat(published(cohortId, EventCatalog.LEARNER_WITHDRAWN.type(), 1)).singleElement()
                .satisfies(r -> assertThat((String) read(r, "$.memberId")).isEqualTo(ana));
        assertThat(published(cohortId, EventCatalog.LEARNER_ENROLLED.type(), 3).stream()
                .map(r -> read(r, "$.memberId") + ":" + read(r, "$.status")))
                .containsExactly(ana + ":ENROLLED", ben + ":WAITLISTED", ben + ":PROMOTED");
    }

    @Test
    void anErasedFacilitatorLeavesCohortsNotStartedAndADraftOnlyTheyFacilitatedGoes() throws Exception {
        String sam = learner();
        String own = draft(sam, 5);
        String lead = learner();
        String shared = draft(lead, 5);
        http.perform(patch("/api/learning/cohorts/{id}", shared).with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"moduleFacilitatorIds\":{\"social-innovation\":\"" + sam + "\"}}"))
                .andExpect(status().isOk());
        http.perform(post("/api/learning/cohorts/{id}/publication", shared).with(facilitator(sam)))
                .andExpect(status().isOk());

        erase(sam, "malmo");

        await().atMost(CONSUMED_WITHIN).until(() -> !mongo.exists(Query.query(Criteria.where("_id").is(own)),
                Cohort.class));
        await().atMost(CONSUMED_WITHIN).until(() -> !stored.cohort(shared).orElseThrow().isFacilitator(sam));
        assertThat(stored.cohort(shared).orElseThrow().facilitatorIds()).containsExactly(lead);
        assertThat(published(shared, EventCatalog.COHORT_UPDATED.type(), 1)).singleElement()
                .satisfies(r -> assertThat((List<String>) read(r, "$.facilitatorIds")).containsExactly(lead));
    }
}
