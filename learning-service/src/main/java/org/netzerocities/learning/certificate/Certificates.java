package org.netzerocities.learning.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.netzerocities.events.consumer.IdLookup;
import org.netzerocities.events.consumer.RetryLaterException;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.learning.program.Programme;
import org.netzerocities.learning.program.Programme.ModuleOutline;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/** Certificates of completion: issued once per completed enrolment, verified by anyone, revoked by admins. */
@Service
class Certificates {

    private static final Logger log = LoggerFactory.getLogger(Certificates.class);
    /** Members holding a certificate issued before their name reached the programme, by member id. */
    static final String AWAITING_NAME = "certificate_holders_awaiting_name";

    private final CertificateRepository certificates;
    private final MongoTemplate mongo;
    private final LearnerRepository learners;
    private final RefusedMembers refused;
    private final VerificationCodes codes;
    private final EventFactory events;
    private final Clock clock;
    private final Programme programme;

    Certificates(CertificateRepository certificates, MongoTemplate mongo, LearnerRepository learners,
            RefusedMembers refused, VerificationCodes codes, EventFactory events, Clock clock, Programme programme) {
        this.certificates = certificates;
        this.mongo = mongo;
        this.learners = learners;
        this.refused = refused;
        this.codes = codes;
        this.events = events;
        this.clock = clock;
        this.programme = programme;
    }

    /**
     * Issues the certificate of a completed enrolment, unless it was issued already (the unique enrolment index
     * decides, whichever instance and event got there first) or the member was erased (a replay of a completion
     * from before the erasure). A member not known here yet still gets the certificate at once, named as soon as
     * their name arrives: completion is never held up, nor dead-lettered, for a name.
     */
    void issue(ProgramCompleted completed) {
        if (refused.wasErased(completed.memberId())) {
            log.info("No certificate for enrolment {}: member {} was erased", completed.enrollmentId(),
                    completed.memberId());
            return;
        }
        String name = learners.findById(completed.memberId()).map(Learner::displayName).orElse(null);
        // the modules as the programme names them when the certificate is earned (titles can be edited later)
        List<String> modules = programme.modules().stream().map(ModuleOutline::title).toList();
        Certificate certificate = Certificate.issue(UUID.randomUUID().toString(), codes.next(), completed, name,
                modules, now(), events);
        if (name == null) {
            awaitName(completed.memberId());
        }
        try {
            certificates.insert(certificate);
        }
        catch (DuplicateKeyException ex) {
            if (certificates.existsByEnrollmentId(completed.enrollmentId())) {
                log.info("Certificate for enrolment {} was issued already", completed.enrollmentId());
                return;
            }
            throw new RetryLaterException("Verification code drawn twice; the retry draws another");
        }
        log.info("Certificate {} issued for enrolment {} of member {}{}", certificate.id(), completed.enrollmentId(),
                completed.memberId(), name == null ? " (name not known yet)" : "");
        // the erasure or the name may have been handled between the checks above and the insert
        if (refused.wasErased(completed.memberId())) {
            anonymise(completed.memberId());
        }
        else if (name == null) {
            learners.findById(completed.memberId()).ifPresent(learner -> name(learner.memberId(),
                    learner.displayName()));
        }
    }

    /** The certificate a typed code names; 404 alike for a code that does not exist and one that cannot. */
    Certificate verify(String typedCode) {
        return VerificationCodes.canonical(typedCode).flatMap(certificates::findByVerificationCode)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "No certificate has this verification code"));
    }

    /**
     * Revokes a certificate with the admin's reason. A save that loses a race (the relay removing sent events, the
     * holder's erasure) reads the certificate again.
     *
     * @throws ApiProblem 404 unknown code, 409 revoked already
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    Certificate revoke(String typedCode, String reason, Caller admin) {
        Certificate certificate = verify(typedCode);
        certificate.revoke(reason, now(), events);
        certificate = certificates.save(certificate);
        log.info("Certificate {} revoked by {}", certificate.id(), admin.memberId());
        return certificate;
    }

    /**
     * Gives a name to the member's certificates that were issued before the programme knew it. A name once given
     * stays: the certificate names the holder as they were called when they completed the programme.
     */
    void nameHolder(String memberId, String displayName) {
        // every member event comes here: an id lookup decides, not a query over all certificates
        if (displayName == null || displayName.isBlank()
                || IdLookup.byId(mongo, AWAITING_NAME, memberId).isEmpty()) {
            return;
        }
        name(memberId, displayName);
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), AWAITING_NAME);
    }

    /** Marks the member as holding a certificate issued without a name, before that certificate is written. */
    private void awaitName(String memberId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), new Update().setOnInsert("since", now()),
                AWAITING_NAME);
    }

    private void name(String memberId, String displayName) {
        long named = mongo.updateMulti(Query.query(Criteria.where(Certificate.MEMBER_ID).is(memberId)
                .and(Certificate.HOLDER_NAME).is(null)),
                new Update().set(Certificate.HOLDER_NAME, displayName), Certificate.class)
                .getModifiedCount();
        if (named > 0) {
            log.info("Named the holder of {} certificates of member {}", named, memberId);
        }
    }

    /**
     * Takes the erased member's id and name off their certificates, and their unsent events with them, so that the
     * codes stay verifiable without personal data. The version moves on, so a revocation saved from an earlier
     * read cannot write the holder back (MongoTemplate moves the {@code @Version} of the entity it updates).
     */
    void anonymise(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), AWAITING_NAME);
        long anonymised = mongo.updateMulti(Query.query(Criteria.where(Certificate.MEMBER_ID).is(memberId)),
                new Update().unset(Certificate.MEMBER_ID).unset(Certificate.HOLDER_NAME)
                        .set(Certificate.HOLDER_ERASED, true).set(OutboxAggregate.OUTBOX_FIELD, List.of()),
                Certificate.class).getModifiedCount();
        if (anonymised > 0) {
            log.info("Anonymised {} certificates of erased member {}", anonymised, memberId);
        }
    }

    /** The member's certificates, oldest first, for their data export. */
    List<CertificateRecord> export(String memberId) {
        return certificates.findByMemberIdOrderByIssuedAt(memberId).stream().map(CertificateRecord::of).toList();
    }

    /** Millisecond precision: what MongoDB stores, so what is returned matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
