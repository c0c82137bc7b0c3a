package org.netzerocities.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;

/** What a certificate certifies and announces, without Spring: issuing, revoking once, an erased holder. */
class CertificateTest {

    private static final Instant NOW = Instant.parse("2027-03-01T09:30:00Z");
    private static final String CODE = "7KQ2-M9XD-3HTA-0BZC-W511";

    private final EventCodec codec = new EventCodec();
    private final EventFactory events = new EventFactory("/test", codec, Clock.systemUTC(), () -> null);
    private final ProgramCompleted completed = new ProgramCompleted("enrolment-1", "member-1", "cohort-1",
            "Spring 2027, Lisbon", NOW.minusSeconds(60));

    @Test
    void anIssuedCertificateIsValidNamesWhatItCertifiesAndAnnouncesItselfKeyedByItsId() {
        Certificate certificate = Certificate.issue("certificate-1", CODE, completed, "Ada Lovelace",
                FiveModules.TITLES, NOW, events);

        assertThat(certificate.status()).isEqualTo(Certificate.Status.VALID);
        assertThat(certificate.holderName()).isEqualTo("Ada Lovelace");
        assertThat(certificate.programme()).isEqualTo("NZCommunities Capability-Building Programme");
        assertThat(certificate.modules()).hasSize(5);
        assertThat(certificate.cohortName()).isEqualTo("Spring 2027, Lisbon");
        PendingEvent issued = single(certificate, EventCatalog.CERTIFICATE_ISSUED.type());
        assertThat(issued.key()).isEqualTo("certificate-1");
        assertThat(payload(issued, EventCatalog.CERTIFICATE_ISSUED)).isEqualTo(new CertificateIssued(
                "certificate-1", "member-1", "cohort-1", CODE, NOW, "enrolment-1"));
    }

    @Test
    void aCertificateIsRevokedOnceWithItsReasonAndTheRevocationIsAnnounced() {
        Certificate certificate = Certificate.issue("certificate-1", CODE, completed, "Ada Lovelace",
                FiveModules.TITLES, NOW, events);

        certificate.revoke("Homework was plagiarised", NOW.plusSeconds(5), events);

        assertThat(certificate.status()).isEqualTo(Certificate.Status.REVOKED);
        assertThat(certificate.revokedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(certificate.revocationReason()).isEqualTo("Homework was plagiarised");
        PendingEvent revoked = single(certificate, EventCatalog.CERTIFICATE_REVOKED.type());
        assertThat(revoked.key()).isEqualTo("certificate-1");
        assertThat(payload(revoked, EventCatalog.CERTIFICATE_REVOKED))
                .isEqualTo(new CertificateRevoked("certificate-1", "member-1", "Homework was plagiarised"));
        assertThatThrownBy(() -> certificate.revoke("again", NOW, events)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode().value()).isEqualTo(409));
        assertThat(certificate.outbox()).hasSize(2);
    }

    @Test
    void revokingTheCertificateOfAnErasedHolderAnnouncesNothingThatCouldNameThem() {
        Certificate anonymised = new Certificate("certificate-1", CODE, "enrolment-1", null, null, true,
                Certificate.PROGRAMME, FiveModules.TITLES, "cohort-1", "Spring 2027, Lisbon", NOW,
                Certificate.Status.VALID, null, null, 3L, List.of());

        anonymised.revoke("Issued in error", NOW, events);

        assertThat(anonymised.status()).isEqualTo(Certificate.Status.REVOKED);
        assertThat(anonymised.outbox()).isEmpty();
    }

    /** The payload as a consumer reads it, checked against the type's schema. */
    private <T> T payload(PendingEvent event, EventType<T> type) {
        return new IncomingEvent(event.eventId(), event.type(), event.source(), event.key(), event.time(), null,
                event.data(), codec).payload(type);
    }

    private static PendingEvent single(Certificate certificate, String type) {
        List<PendingEvent> ofType = certificate.outbox().stream().filter(e -> e.type().equals(type)).toList();
        assertThat(ofType).hasSize(1);
        return ofType.get(0);
    }
}
