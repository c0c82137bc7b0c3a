package org.netzerocities.learning.progress;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The certificate an enrolment earned, as this feature learns it from CertificateIssued and CertificateRevoked
 * (never by calling the certificate feature): {@code _id} = enrolment id, so a learner's progress finds it by id.
 *
 * @param revokedAt when it was revoked, or null while valid
 */
@Document(HeldCertificate.COLLECTION)
record HeldCertificate(@Id String enrollmentId, @Indexed(unique = true) String certificateId,
        @Indexed String memberId, @Indexed String cohortId, String verificationCode, Instant issuedAt,
        Instant revokedAt, String revocationReason) {

    static final String COLLECTION = "progress_certificates";
    static final String CERTIFICATE_ID = "certificateId";

    boolean valid() {
        return revokedAt == null;
    }
}
