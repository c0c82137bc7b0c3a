package org.netzerocities.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/** A learner's progress, homework, questions and certificates are in their export and gone with their account. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ProgressErasureTest extends ProgressApi {

    @Autowired
    EventHandler<CertificateIssued> certificateOfEnrollment;
    @Autowired
    RefusedMembers refused;

    @Test
    void theExportHoldsTheLearnersProgressHomeworkAndQuestionsAndErasureForgetsThem() throws Exception {
        Enrolment e = enrolment(Map.of());
        String unit = module(1).units().get(0).unitId();
        watch(e.member(), e.enrollmentId(), unit).andExpect(status().isOk());
        submitted(e.member(), e.enrollmentId(), unit);
        http.perform(post("/api/learning/enrollments/{id}/questions", e.enrollmentId()).with(as(e.member()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Is there a transcript?\"}"))
                .andExpect(status().isCreated());
        HandlerHarness.deliver(certificateOfEnrollment, "cert-1", issued(e.member(), e.cohortId(), e.enrollmentId()));

        http.perform(get("/api/learning/me/export").with(as(e.member())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.progress[0].enrollmentId").value(e.enrollmentId()))
                .andExpect(jsonPath("$.progress[0].modules[0].units[0].watched").value(true))
                .andExpect(jsonPath("$.progress[0].certificate.verificationCode").isNotEmpty())
                .andExpect(jsonPath("$.homework[0].text").value(TEXT))
                .andExpect(jsonPath("$.questions[0].text").value("Is there a transcript?"));

        erase(e.member(), "malmo");

        Query ofMember = Query.query(Criteria.where("memberId").is(e.member()));
        await().atMost(CONSUMED_WITHIN).until(() -> !mongo.exists(ofMember, Progress.class)
                && !mongo.exists(ofMember, QuestionThread.class) && refused.wasErased(e.member()));
        assertThat(mongo.exists(ofMember, HomeworkRef.class)).as("homework references").isFalse();
        assertThat(mongo.exists(ofMember, HeldCertificate.class)).as("certificates").isFalse();

        HandlerHarness.deliver(certificateOfEnrollment, "cert-1", issued(e.member(), e.cohortId(), e.enrollmentId()));
        assertThat(mongo.exists(ofMember, HeldCertificate.class)).as("a late certificate").isFalse();
    }

    private static CertificateIssued issued(String memberId, String cohortId, String enrollmentId) {
        return new CertificateIssued(UUID.randomUUID().toString(), memberId, cohortId, "NZC-CODE", Instant.now(),
                enrollmentId);
    }
}
