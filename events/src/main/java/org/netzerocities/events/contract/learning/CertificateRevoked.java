package org.netzerocities.events.contract.learning;

/** An admin revoked a certificate. */
public record CertificateRevoked(
        String certificateId,
        String memberId,
        String reason) {
}
