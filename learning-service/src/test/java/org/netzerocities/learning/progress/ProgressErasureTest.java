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
        String lead = learner("malmo");
        String cohortId = cohort(lead, Map.of(), 10);
        String member = learner("malmo");
        String enrollmentId = enrolled(member, cohortId);
        String unit = module(1).units().get(0).unitId();
        watch(member, enrollmentId, unit).andExpect(status().isOk());
        submitted(member, enrollmentId, unit);
        http.perform(post("/api/learning/enrollments/{id}/questions", enrollmentId).with(as(member))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Is there a transcript?\"}"))
                .andExpect(status().isCreated());
        HandlerHarness.deliver(certificateOfEnrollment, "cert-1", issued(member, cohortId, enrollmentId));

        http.perform(get("/api/learning/me/export").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.progress[0].enrollmentId").value(enrollmentId))
                .andExpect(jsonPath("$.progress[0].modules[0].units[0].watched").value(true))
                .andExpect(jsonPath("$.progress[0].certificate.verificationCode").isNotEmpty())
                .andExpect(jsonPath("$.homework[0].text").value(TEXT))
                .andExpect(jsonPath("$.questions[0].text").value("Is there a transcript?"));

        erase(member, "malmo");

        Query ofMember = Query.query(Criteria.where("memberId").is(member));
        await().atMost(CONSUMED_WITHIN).until(() -> !mongo.exists(ofMember, Progress.class)
                && !mongo.exists(ofMember, QuestionThread.class) && refused.wasErased(member));
        assertThat(mongo.exists(ofMember, HomeworkRef.class)).as("homework references").isFalse();
        assertThat(mongo.exists(ofMember, HeldCertificate.class)).as("certificates").isFalse();

        HandlerHarness.deliver(certificateOfEnrollment, "cert-1", issued(member, cohortId, enrollmentId));
        assertThat(mongo.exists(ofMember, HeldCertificate.class)).as("a late certificate").isFalse();
    }

    private static CertificateIssued issued(String memberId, String cohortId, String enrollmentId) {
        return new CertificateIssued(UUID.randomUUID().toString(), memberId, cohortId, "NZC-CODE", Instant.now(),
                enrollmentId);
    }
}
