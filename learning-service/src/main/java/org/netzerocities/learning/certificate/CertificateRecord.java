package org.netzerocities.learning.certificate;

import java.time.Instant;

/** A member's certificate as their data export shows it. */
record CertificateRecord(String certificateId, String verificationCode, String enrollmentId, String memberId,
        String holderName, String programme, String cohortId, String cohortName, Instant issuedAt, String status,
        Instant revokedAt, String revocationReason) {

    static CertificateRecord of(Certificate certificate) {
        return new CertificateRecord(certificate.id(), certificate.verificationCode(), certificate.enrollmentId(),
                certificate.memberId(), certificate.holderName(), certificate.programme(), certificate.cohortId(),
                certificate.cohortName(), certificate.issuedAt(), certificate.status().name(),
                certificate.revokedAt(), certificate.revocationReason());
    }
}
