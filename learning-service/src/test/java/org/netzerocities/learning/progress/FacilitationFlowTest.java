package org.netzerocities.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The facilitators' side: Q&A threads, the cohort dashboard, and certificates as learners see them. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class FacilitationFlowTest extends ProgressApi {

    @Test
    void aLearnerAsksTheFacilitatorsAnswerAndBothReadTheThreadWhileTheEventsCarryIdsOnly() throws Exception {
        Enrolment e = enrolment(Map.of());

        String questionId = string(ask(e.member(), e.enrollmentId(), "Where is the transcript of unit 2?")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.answers").isEmpty()), "$.questionId");
        http.perform(get("/api/learning/cohorts/{id}/questions", e.cohortId()).with(as(e.lead())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].questionId").value(questionId))
                .andExpect(jsonPath("$.items[0].displayName").value("Learner " + e.member().substring(0, 4)));
        answer(e.member(), e.enrollmentId(), questionId, "I know").andExpect(status().isForbidden());
        answer(e.lead(), e.enrollmentId(), questionId, "Below the recording.")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.answers[0].answeredBy").value(e.lead()));

        for (String reader : List.of(e.member(), e.lead())) {
            http.perform(get("/api/learning/enrollments/{id}/questions", e.enrollmentId()).with(as(reader)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].text").value("Where is the transcript of unit 2?"))
                    .andExpect(jsonPath("$[0].answers[0].text").value("Below the recording."));
        }
        http.perform(get("/api/learning/enrollments/{id}/questions", e.enrollmentId()).with(as(learner("malmo"))))
                .andExpect(status().isNotFound());
        http.perform(get("/api/learning/cohorts/{id}/questions", e.cohortId()).with(as(e.lead())))
                .andExpect(jsonPath("$.total").value(0));

        var asked = events(EventCatalog.LEARNING_COHORTS_TOPIC, e.cohortId(),
                EventCatalog.LEARNER_QUESTION_ASKED.type(), 1).get(0);
        assertThat((String) read(asked, "$.questionId")).isEqualTo(questionId);
        assertThat((String) read(asked, "$.enrollmentId")).isEqualTo(e.enrollmentId());
        assertThat((List<String>) read(asked, "$.facilitatorIds")).containsExactly(e.lead());
        var answered = events(EventCatalog.LEARNING_COHORTS_TOPIC, e.cohortId(),
                EventCatalog.LEARNER_QUESTION_ANSWERED.type(), 1).get(0);
        assertThat((String) read(answered, "$.answeredBy")).isEqualTo(e.lead());
        assertThat((String) read(answered, "$.memberId")).isEqualTo(e.member());
        assertThat(asked.value() + answered.value()).doesNotContain("transcript", "recording");
    }

    @Test
    void theDashboardCountsTheCohortAndItsCitiesForItsFacilitatorsAndAdminsOnly() throws Exception {
        String lead = learner("malmo");
        String cohortId = cohort(lead, Map.of(), 2);
        String ana = learner("malmo");
        String bogdan = learner("cluj-napoca");
        String carla = learner("malmo");
        String anaEnrollment = enrolled(ana, cohortId);
        String bogdanEnrollment = enrolled(bogdan, cohortId);
        String carlaEnrollment = string(http.perform(post("/api/learning/cohorts/{id}/enrollments", cohortId)
                .with(as(carla))).andExpect(jsonPath("$.status").value("WAITLISTED")), "$.enrollmentId");
        http.perform(delete("/api/learning/enrollments/{id}", bogdanEnrollment).with(as(bogdan)))
                .andExpect(status().isNoContent());
        complete(ana, anaEnrollment, module(4), lead);
        ask(ana, anaEnrollment, "When is the next session?").andExpect(status().isCreated());
        String waiting = submitted(carla, carlaEnrollment, module(1).units().get(0).unitId());
        certify(anaEnrollment, ana, cohortId);

        String dashboard = "/api/learning/cohorts/{id}/dashboard";
        http.perform(get(dashboard, cohortId).with(as(ana))).andExpect(status().isForbidden());
        http.perform(get(dashboard, "no-such-cohort").with(as(lead))).andExpect(status().isNotFound());
        http.perform(get(dashboard, cohortId).with(as(learner("malmo"), "MEMBER", "ADMIN")))
                .andExpect(status().isOk());
        http.perform(get(dashboard, cohortId).with(as(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expectedModules").value(0))
                .andExpect(jsonPath("$.figures.enrolled").value(2))
                .andExpect(jsonPath("$.figures.waitlisted").value(0))
                .andExpect(jsonPath("$.figures.withdrawn").value(1))
                .andExpect(jsonPath("$.figures.active").value(2))
                .andExpect(jsonPath("$.figures.modulesCompleted").value(1))
                .andExpect(jsonPath("$.figures.certified").value(1))
                .andExpect(jsonPath("$.cities[0].city").value("cluj-napoca"))
                .andExpect(jsonPath("$.cities[0].figures.withdrawn").value(1))
                .andExpect(jsonPath("$.cities[0].figures.enrolled").value(0))
                .andExpect(jsonPath("$.cities[1].city").value("malmo"))
                .andExpect(jsonPath("$.cities[1].figures.enrolled").value(2))
                .andExpect(jsonPath("$.cities[1].figures.certified").value(1))
                .andExpect(jsonPath("$.learners.length()").value(3))
                .andExpect(jsonPath("$.learners[?(@.memberId == '%s')].behind", ana).value(false))
                .andExpect(jsonPath("$.homeworkWaiting[0].submissionId").value(waiting))
                .andExpect(jsonPath("$.homeworkWaiting[0].memberId").value(carla))
                .andExpect(jsonPath("$.unansweredQuestions").value(1));
    }

    @Test
    void aLearnersEnrolmentsShowTheCertificateOnceIssuedAndWhenRevoked() throws Exception {
        String lead = learner("malmo");
        String member = learner("malmo");
        String earlier = enrolled(member, cohort(lead, Map.of(), 10));
        watch(member, earlier, module(1).units().get(0).unitId()).andExpect(status().isOk());
        String later = enrolled(member, cohort(lead, Map.of(), 10));

        String certificateId = certify(earlier, member, "any-cohort");
        http.perform(get("/api/learning/enrollments/me").with(as(member)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.enrollmentId == '%s')].certificate.verificationCode", earlier)
                        .value("NZC-" + certificateId))
                .andExpect(jsonPath("$[?(@.enrollmentId == '%s')].certificate.status", earlier).value("VALID"))
                .andExpect(jsonPath("$[?(@.enrollmentId == '%s')].certificate", later).value((Object) null));

        send(TestEvents.event(codec, EventCatalog.CERTIFICATE_REVOKED, certificateId,
                new CertificateRevoked(certificateId, member, "issued in error")));
        await().atMost(CONSUMED_WITHIN).until(() -> !mongo.findById(earlier, HeldCertificate.class).valid());
        http.perform(get("/api/learning/enrollments/me").with(as(member)))
                .andExpect(jsonPath("$[?(@.enrollmentId == '%s')].certificate.status", earlier).value("REVOKED"));
    }

    /** Publishes the certificate of the enrolment, as the certificate feature does, and waits until it is known. */
    private String certify(String enrollmentId, String memberId, String cohortId) {
        String certificateId = UUID.randomUUID().toString();
        send(TestEvents.event(codec, EventCatalog.CERTIFICATE_ISSUED, certificateId, new CertificateIssued(
                certificateId, memberId, cohortId, "NZC-" + certificateId, Instant.now(), enrollmentId)));
        await().atMost(CONSUMED_WITHIN).until(() -> mongo.findById(enrollmentId, HeldCertificate.class) != null);
        return certificateId;
    }

    private ResultActions ask(String memberId, String enrollmentId, String text) throws Exception {
        return http.perform(post("/api/learning/enrollments/{id}/questions", enrollmentId).with(as(memberId))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + text + "\"}"));
    }

    private ResultActions answer(String memberId, String enrollmentId, String questionId, String text)
            throws Exception {
        return http.perform(post("/api/learning/enrollments/{id}/questions/{q}/answers", enrollmentId, questionId)
                .with(as(memberId)).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + text + "\"}"));
    }
}
