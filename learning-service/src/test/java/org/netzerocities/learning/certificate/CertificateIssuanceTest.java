package org.netzerocities.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.learning.program.Programme;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

import io.micrometer.core.instrument.Counter;

/**
 * Certificates are issued from ProgramCompleted, once per enrolment however the completion arrives, and verified
 * by anyone as a record and as a PDF; against the real broker and database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CertificateIssuanceTest extends ConsumingServiceTest {

    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    LearnerRepository learners;
    @Autowired
    Programme programme;
    @Autowired
    EventHandler<ProgramCompleted> certificateOnProgramCompleted;
    @Autowired
    EventHandler<MemberJoined> certificateHolderOnMemberJoined;
    @Autowired
    EventHandler<MemberProfileUpdated> certificateHolderOnProfileUpdated;

    @Test
    void aCompletionIssuesOneCertificateAndOneCertificateIssuedWhateverIsSentAgain() throws Exception {
        String memberId = learner("Ada Lovelace");
        ProgramCompleted completion = IssuedCertificates.completion(memberId);
        PendingEvent first = completed(completion);
        double handled = handled();

        send(first);
        redeliverUntilSkipped(first);
        // the same completion under a new event id: the processed-event marks cannot tell, the enrolment index can
        send(completed(completion));
        await().atMost(CONSUMED_WITHIN).until(() -> handled() >= handled + 2);

        assertThat(certificatesOf(completion)).hasSize(1);
        Certificate certificate = certificatesOf(completion).get(0);
        assertThat(certificate.holderName()).isEqualTo("Ada Lovelace");
        assertThat(certificate.memberId()).isEqualTo(memberId);
        assertThat(certificate.cohortId()).isEqualTo(completion.cohortId());
        assertThat(certificate.cohortName()).isEqualTo("Spring 2027, Lisbon");
        assertThat(certificate.verificationCode()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");

        List<ConsumerRecord<String, String>> issued = TopicReader.read(
                String.join(",", kafkaConnection.getBootstrapServers()), EventCatalog.LEARNING_CERTIFICATES_TOPIC,
                record -> record.value() != null && record.value().contains(completion.enrollmentId()), 2,
                Duration.ofSeconds(5));
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).key()).isEqualTo(certificate.id());
        assertThat(TopicReader.header(issued.get(0), "ce_type")).isEqualTo(EventCatalog.CERTIFICATE_ISSUED.type());
        assertThat(codec.fromRecord(issued.get(0)).payload(EventCatalog.CERTIFICATE_ISSUED))
                .isEqualTo(new CertificateIssued(certificate.id(), memberId, completion.cohortId(),
                        certificate.verificationCode(), certificate.issuedAt(), completion.enrollmentId()));
    }

    @Test
    void redeliveriesAndTwoInstancesHandlingTheCompletionAtOnceIssueOneCertificate() throws Exception {
        ProgramCompleted completion = IssuedCertificates.completion(learner("Grace Hopper"));
        IncomingEvent event = HandlerHarness.deliver(certificateOnProgramCompleted, completion.enrollmentId(),
                completion);
        HandlerHarness.redeliver(certificateOnProgramCompleted, event);
        // two instances, each with the completion under an event id of its own, at the same moment
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> done = instances.invokeAll(List.of(1, 2).stream().map(i -> (Callable<Object>) () -> {
                IncomingEvent resent = HandlerHarness.sample(certificateOnProgramCompleted, completion.enrollmentId(),
                        completion);
                together.await();
                HandlerHarness.redeliver(certificateOnProgramCompleted, resent);
                return i;
            }).toList());
            for (Future<Object> instance : done) {
                instance.get();
            }
        }
        finally {
            instances.shutdown();
        }

        assertThat(certificatesOf(completion)).hasSize(1);
    }

    @Test
    void anyoneVerifiesACertificateByItsCodeTypedLooselyAndItsHolderFindsItInTheirExport() throws Exception {
        String memberId = learner("Katherine Johnson");
        ProgramCompleted completion = IssuedCertificates.completion(memberId);
        String code = issue(completion).verificationCode();

        http.perform(get("/api/learning/certificates/{code}", code.toLowerCase().replace("-", "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verificationCode").value(code))
                .andExpect(jsonPath("$.holder").value("Katherine Johnson"))
                .andExpect(jsonPath("$.holderErased").value(false))
                .andExpect(jsonPath("$.programme").value("NZCommunities Capability-Building Programme"))
                .andExpect(jsonPath("$.modules[0]").value(programme.modules().get(0).title()))
                .andExpect(jsonPath("$.modules[4]").value(programme.modules().get(4).title()))
                .andExpect(jsonPath("$.modules.length()").value(5))
                .andExpect(jsonPath("$.cohortName").value("Spring 2027, Lisbon"))
                .andExpect(jsonPath("$.issuedAt").isNotEmpty())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.revokedAt").doesNotExist())
                .andExpect(jsonPath("$.verificationUrl").value("http://localhost/api/learning/certificates/" + code))
                .andExpect(jsonPath("$.memberId").doesNotExist())
                .andExpect(jsonPath("$.enrollmentId").doesNotExist());
        http.perform(get("/api/learning/me/export").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificates.length()").value(1))
                .andExpect(jsonPath("$.certificates[0].verificationCode").value(code))
                .andExpect(jsonPath("$.certificates[0].enrollmentId").value(completion.enrollmentId()))
                .andExpect(jsonPath("$.certificates[0].holderName").value("Katherine Johnson"))
                .andExpect(jsonPath("$.certificates[0].outbox").doesNotExist());
    }

    @Test
    void thePdfNamesTheHolderAndLeadsToTheVerificationAtTheAddressTheClientUsed() throws Exception {
        String code = issue(IssuedCertificates.completion(learner("Zoë Łukasiewicz"))).verificationCode();
        String url = "https://portal.example.org/api/learning/certificates/" + code;

        byte[] pdf = http.perform(get("/api/learning/certificates/{code}/pdf", code)
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "portal.example.org")
                        .header("X-Forwarded-Port", "443"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"nzc-certificate-" + code + ".pdf\""))
                .andReturn().getResponse().getContentAsByteArray();

        var read = CertificateDocuments.read(pdf);
        assertThat(read.text()).contains("Zoë Łukasiewicz", code, url);
        assertThat(read.qrCode()).isEqualTo(url);
        http.perform(get("/api/learning/certificates/{code}", code).header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "portal.example.org").header("X-Forwarded-Port", "443"))
                .andExpect(jsonPath("$.verificationUrl").value(url))
                .andExpect(jsonPath("$.pdfUrl").value(url + "/pdf"));
    }

    @Test
    void aHolderNotKnownHereYetIsNamedWhenTheirNameArrivesAndTheNameThenStays() throws Exception {
        String memberId = UUID.randomUUID().toString();
        String code = issue(IssuedCertificates.completion(memberId)).verificationCode();
        http.perform(get("/api/learning/certificates/{code}", code))
                .andExpect(jsonPath("$.holder").value(CertificateVerification.UNNAMED));

        HandlerHarness.deliver(certificateHolderOnMemberJoined, memberId, new MemberJoined(memberId, "Mary Somerville",
                "lisboa", List.of("pt"), List.of(), "Europe/Lisbon", null, null, true, Instant.now()));
        HandlerHarness.deliver(certificateHolderOnProfileUpdated, memberId, new MemberProfileUpdated(memberId,
                "Mary S.", "lisboa", null, List.of("pt"), List.of(), "Europe/Lisbon", true, true, Instant.now()));

        http.perform(get("/api/learning/certificates/{code}", code))
                .andExpect(jsonPath("$.holder").value("Mary Somerville"));
    }

    private String learner(String displayName) {
        String memberId = UUID.randomUUID().toString();
        learners.save(new Learner(memberId, displayName, "lisboa", List.of("pt"), List.of(), Instant.now()));
        return memberId;
    }

    private PendingEvent completed(ProgramCompleted completion) {
        return TestEvents.event(codec, EventCatalog.PROGRAM_COMPLETED, completion.enrollmentId(), completion);
    }

    private Certificate issue(ProgramCompleted completion) {
        return IssuedCertificates.issue(certificateOnProgramCompleted, mongo, completion);
    }

    private List<Certificate> certificatesOf(ProgramCompleted completion) {
        return IssuedCertificates.certificatesOf(mongo, completion);
    }

    /** How many ProgramCompleted this service's handlers have run for. */
    private double handled() {
        Counter counter = meters.find("nzc.events.consumed").tag("type", EventCatalog.PROGRAM_COMPLETED.type())
                .tag("outcome", "handled").counter();
        return counter == null ? 0 : counter.count();
    }
}
