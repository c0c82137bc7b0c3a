package org.netzerocities.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

/** The holder's erasure leaves their certificates verifiable and holding nothing of them. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CertificateErasureTest extends ConsumingServiceTest {

    @Autowired
    CertificateRepository certificates;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    LearnerRepository learners;
    @Autowired
    RefusedMembers refused;
    @Autowired
    EventHandler<ProgramCompleted> certificateOnProgramCompleted;
    @Autowired
    PersonalData certificatesOfMember;

    @Test
    void anErasedHoldersCertificateStaysVerifiableWithoutTheirNameOrIdAndNoneIsIssuedToThemAgain() throws Exception {
        String memberId = UUID.randomUUID().toString();
        learners.save(new Learner(memberId, "Hedy Lamarr", "wien", List.of("de"), List.of(), Instant.now()));
        String code = IssuedCertificates.issue(certificateOnProgramCompleted, mongo,
                IssuedCertificates.completion(memberId)).verificationCode();

        erase(memberId, "wien");
        await().atMost(CONSUMED_WITHIN).until(() -> certificates.findByVerificationCode(code).orElseThrow()
                .holderErased());

        Certificate anonymised = certificates.findByVerificationCode(code).orElseThrow();
        assertThat(anonymised.memberId()).isNull();
        assertThat(anonymised.holderName()).isNull();
        assertThat(anonymised.outbox()).isEmpty();
        String verification = http.perform(get("/api/learning/certificates/{code}", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holder").value(CertificateVerification.FORMER_PARTICIPANT))
                .andExpect(jsonPath("$.holderErased").value(true))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andReturn().getResponse().getContentAsString();
        assertThat(verification).doesNotContain("Hedy", memberId);
        byte[] pdf = http.perform(get("/api/learning/certificates/{code}/pdf", code)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(CertificateDocuments.read(pdf).text()).contains(CertificateVerification.FORMER_PARTICIPANT, code)
                .doesNotContain("Hedy");
        assertThat((List<?>) certificatesOfMember.heldOn().apply(memberId)).isEmpty();

        // a completion of theirs replayed after the erasure, even of another enrolment, issues nothing
        await().atMost(CONSUMED_WITHIN).until(() -> refused.wasErased(memberId));
        ProgramCompleted replayed = IssuedCertificates.completion(memberId);
        HandlerHarness.deliver(certificateOnProgramCompleted, replayed.enrollmentId(), replayed);
        assertThat(certificates.existsByEnrollmentId(replayed.enrollmentId())).isFalse();
    }

    @Test
    void theCertificateOfAnErasedHolderCanStillBeRevoked() throws Exception {
        Certificate certificate = IssuedCertificates.issue(certificateOnProgramCompleted, mongo);
        erase(certificate.memberId(), "wien");
        await().atMost(CONSUMED_WITHIN).until(() -> certificates.findById(certificate.id()).orElseThrow()
                .holderErased());

        http.perform(post("/api/learning/certificates/{code}/revocation", certificate.verificationCode())
                        .with(CertificateRevocationTest.admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Issued in error\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.holder").value(CertificateVerification.FORMER_PARTICIPANT));
        assertThat(certificates.findById(certificate.id()).orElseThrow().memberId()).isNull();
    }
}
