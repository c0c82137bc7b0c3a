package org.netzerocities.learning.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A certificate of completion of the programme, one per enrolment: the unique index on {@code enrollmentId} makes
 * issuing insert-once, however often and wherever (several instances, a replayed topic, the same completion sent
 * again under a new event id) the completion arrives. What it certifies is fixed when it is issued: the holder's
 * display name, the programme and its modules, the cohort.
 *
 * <p>When the holder is erased the certificate stays verifiable without personal data: the member id and name go,
 * and verification names a former participant.
 */
@Document(Certificate.COLLECTION)
class Certificate implements OutboxAggregate {

    static final String COLLECTION = "certificates";
    static final String VERIFICATION_CODE = "verificationCode";
    static final String MEMBER_ID = "memberId";
    static final String HOLDER_NAME = "holderName";
    static final String HOLDER_ERASED = "holderErased";
    static final String ISSUED_AT = "issuedAt";

    static final String PROGRAMME = "NZCommunities Capability-Building Programme";

    enum Status {
        VALID, REVOKED
    }

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String verificationCode;
    @Indexed(unique = true)
    private final String enrollmentId;
    /** Gone when the holder is erased. */
    @Indexed
    private final String memberId;
    /**
     * The holder's display name when the certificate was issued; null when the holder is erased, or for as long as
     * the programme has not learnt the member's name (see {@link Certificates#nameHolder}).
     */
    private final String holderName;
    private final boolean holderErased;
    private final String programme;
    private final List<String> modules;
    private final String cohortId;
    private final String cohortName;
    private final Instant issuedAt;
    private Status status;
    private Instant revokedAt;
    private String revocationReason;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Certificate(String id, String verificationCode, String enrollmentId, String memberId, String holderName,
            boolean holderErased, String programme, List<String> modules, String cohortId, String cohortName,
            Instant issuedAt, Status status, Instant revokedAt, String revocationReason, Long version,
            List<PendingEvent> outbox) {
        this.id = id;
        this.verificationCode = verificationCode;
        this.enrollmentId = enrollmentId;
        this.memberId = memberId;
        this.holderName = holderName;
        this.holderErased = holderErased;
        this.programme = programme;
        this.modules = modules == null ? List.of() : List.copyOf(modules);
        this.cohortId = cohortId;
        this.cohortName = cohortName;
        this.issuedAt = issuedAt;
        this.status = status;
        this.revokedAt = revokedAt;
        this.revocationReason = revocationReason;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A valid certificate for a completed enrolment, announced with {@code CertificateIssued}. */
    static Certificate issue(String id, String verificationCode, ProgramCompleted completed, String holderName,
            List<String> modules, Instant now, EventFactory events) {
        var certificate = new Certificate(id, verificationCode, completed.enrollmentId(), completed.memberId(),
                holderName, false, PROGRAMME, modules, completed.cohortId(), completed.cohortName(), now, Status.VALID,
                null, null, null, List.of());
        certificate.outbox.add(events.create(EventCatalog.CERTIFICATE_ISSUED, id, new CertificateIssued(id,
                completed.memberId(), completed.cohortId(), verificationCode, now, completed.enrollmentId())));
        return certificate;
    }

    /**
     * Revokes the certificate for good. {@code CertificateRevoked} names the holder for its consumers (their
     * directory, their notifications); of an erased holder nothing is left to name, nor anything for those
     * consumers to change, so that revocation is recorded here only.
     *
     * @throws ApiProblem 409 when revoked already
     */
    void revoke(String reason, Instant now, EventFactory events) {
        if (status == Status.REVOKED) {
            throw ApiProblem.conflict("already-revoked", "This certificate was revoked already");
        }
        status = Status.REVOKED;
        revokedAt = now;
        revocationReason = reason;
        if (memberId != null) {
            outbox.add(events.create(EventCatalog.CERTIFICATE_REVOKED, id,
                    new CertificateRevoked(id, memberId, reason)));
        }
    }

    String id() {
        return id;
    }

    String verificationCode() {
        return verificationCode;
    }

    String enrollmentId() {
        return enrollmentId;
    }

    String memberId() {
        return memberId;
    }

    String holderName() {
        return holderName;
    }

    boolean holderErased() {
        return holderErased;
    }

    String programme() {
        return programme;
    }

    List<String> modules() {
        return modules;
    }

    String cohortId() {
        return cohortId;
    }

    String cohortName() {
        return cohortName;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Status status() {
        return status;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    String revocationReason() {
        return revocationReason;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
