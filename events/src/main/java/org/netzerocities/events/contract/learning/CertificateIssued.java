package org.netzerocities.events.contract.learning;

import java.time.Instant;

/** A learner completed the programme and was issued a certificate. */
public record CertificateIssued(
        String certificateId,
        String memberId,
        String cohortId,
        String verificationCode,
        Instant issuedAt,
        String enrollmentId) {
}
