package org.netzerocities.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Admins revoke a certificate once, with a reason; verification then says so and the PDF is no longer handed out. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CertificateRevocationTest {

    private static final String REASON = "{\"reason\":\"  Homework was copied from another learner  \"}";

    @Autowired
    MockMvc http;
    @Autowired
    EventCodec codec;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventHandler<ProgramCompleted> certificateOnProgramCompleted;

    @Test
    void anAdminRevokesACertificateOnceAndVerificationThenSaysWhenAndWhy() throws Exception {
        Certificate certificate = IssuedCertificates.issue(certificateOnProgramCompleted, mongo);
        String code = certificate.verificationCode();

        revoke(code, admin()).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revocationReason").value("Homework was copied from another learner"));

        http.perform(get("/api/learning/certificates/{code}", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revokedAt").isNotEmpty())
                .andExpect(jsonPath("$.revocationReason").value("Homework was copied from another learner"));
        http.perform(get("/api/learning/certificates/{code}/pdf", code))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        revoke(code, admin()).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        List<ConsumerRecord<String, String>> revoked = TopicReader.read(
                String.join(",", kafkaConnection.getBootstrapServers()), EventCatalog.LEARNING_CERTIFICATES_TOPIC,
                record -> certificate.id().equals(record.key())
                        && EventCatalog.CERTIFICATE_REVOKED.type().equals(TopicReader.header(record, "ce_type")),
                1, Duration.ofSeconds(20));
        assertThat(revoked).hasSize(1);
        assertThat(codec.fromRecord(revoked.get(0)).payload(EventCatalog.CERTIFICATE_REVOKED)).isEqualTo(
                new CertificateRevoked(certificate.id(), certificate.memberId(),
                        "Homework was copied from another learner"));
    }

    @Test
    void onlyAdminsRevoke() throws Exception {
        Certificate certificate = IssuedCertificates.issue(certificateOnProgramCompleted, mongo);

        revoke(certificate.verificationCode(), asMember(certificate.memberId())).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        revoke(certificate.verificationCode(), withRoles("FACILITATOR")).andExpect(status().isForbidden());
        http.perform(post("/api/learning/certificates/{code}/revocation", certificate.verificationCode())
                        .contentType(MediaType.APPLICATION_JSON).content(REASON))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        http.perform(get("/api/learning/certificates/{code}", certificate.verificationCode()))
                .andExpect(jsonPath("$.status").value("VALID"));
    }

    private ResultActions revoke(String code, RequestPostProcessor token) throws Exception {
        return http.perform(post("/api/learning/certificates/{code}/revocation", code).with(token)
                .contentType(MediaType.APPLICATION_JSON).content(REASON));
    }

    static RequestPostProcessor admin() {
        return withRoles("ADMIN");
    }

    static RequestPostProcessor withRoles(String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(token -> token.subject(UUID.randomUUID().toString()).claim("roles", List.of(roles)));
    }
}
