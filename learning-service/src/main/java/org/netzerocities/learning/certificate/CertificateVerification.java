package org.netzerocities.learning.certificate;

import java.time.Instant;
import java.util.List;

/**
 * What anyone who holds a verification code learns of its certificate.
 *
 * @param holder           the holder's display name when the certificate was issued; {@value #FORMER_PARTICIPANT}
 *                         once the holder's account was erased, {@value #UNNAMED} while their name is not known here
 * @param status           {@code VALID} or {@code REVOKED}
 * @param revokedAt        when revoked, else null
 * @param revocationReason the admin's reason, when revoked
 * @param verificationUrl  this verification, at the address the client used
 */
record CertificateVerification(String verificationCode, String holder, boolean holderErased, String programme,
        List<String> modules, String cohortName, Instant issuedAt, String status, Instant revokedAt,
        String revocationReason, String verificationUrl, String pdfUrl) {

    static final String FORMER_PARTICIPANT = "Former participant";
    static final String UNNAMED = "Programme participant";

    static CertificateVerification of(Certificate certificate, String verificationUrl) {
        String holder = certificate.holderErased() ? FORMER_PARTICIPANT
                : certificate.holderName() == null ? UNNAMED : certificate.holderName();
        return new CertificateVerification(certificate.verificationCode(), holder, certificate.holderErased(),
                certificate.programme(), certificate.modules(), certificate.cohortName(), certificate.issuedAt(),
                certificate.status().name(), certificate.revokedAt(), certificate.revocationReason(), verificationUrl,
                verificationUrl + "/pdf");
    }

    boolean revoked() {
        return Certificate.Status.REVOKED.name().equals(status);
    }
}
