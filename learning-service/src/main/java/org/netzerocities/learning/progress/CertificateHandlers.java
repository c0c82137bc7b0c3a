package org.netzerocities.learning.progress;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.consumer.IdLookup;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Learns the certificates learners earned from the certificate feature's events, so that their progress shows the
 * verification code. Both handlers set values taken from the event only: a redelivery writes the same again.
 */
@Configuration(proxyBeanMethods = false)
class CertificateHandlers {

    private static final Logger log = LoggerFactory.getLogger(CertificateHandlers.class);

    /**
     * Kept only for an enrolment whose progress is held here: an erased learner's progress is gone, so a late or
     * replayed issue brings nothing of theirs back; the erasure check after the write closes the race with an
     * erasure running at the same moment.
     */
    @Bean
    EventHandler<CertificateIssued> certificateOfEnrollment(MongoTemplate mongo, RefusedMembers refused) {
        return EventHandler.on(EventCatalog.CERTIFICATE_ISSUED, (issued, event) -> {
            if (issued.enrollmentId() == null
                    || IdLookup.byId(mongo, Progress.COLLECTION, issued.enrollmentId()).isEmpty()) {
                log.info("Certificate {} names no enrolment with progress here; not shown", issued.certificateId());
                return;
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(issued.enrollmentId())), new Update()
                    .set(HeldCertificate.CERTIFICATE_ID, issued.certificateId())
                    .set("memberId", issued.memberId())
                    .set("cohortId", issued.cohortId())
                    .set("verificationCode", issued.verificationCode())
                    .set("issuedAt", issued.issuedAt()), HeldCertificate.class);
            if (refused.wasErased(issued.memberId())) {
                mongo.remove(Query.query(Criteria.where("_id").is(issued.enrollmentId())), HeldCertificate.class);
                return;
            }
            log.info("Certificate {} of enrolment {} recorded", issued.certificateId(), issued.enrollmentId());
        });
    }

    /** Revocations come after their issue (one topic, keyed by the certificate); the revocation time is the event's. */
    @Bean
    EventHandler<CertificateRevoked> revokedCertificate(MongoTemplate mongo) {
        return EventHandler.on(EventCatalog.CERTIFICATE_REVOKED, (revoked, event) -> {
            long changed = mongo.updateFirst(
                    Query.query(Criteria.where(HeldCertificate.CERTIFICATE_ID).is(revoked.certificateId())),
                    new Update().set("revokedAt", event.time()).set("revocationReason", revoked.reason()),
                    HeldCertificate.class).getMatchedCount();
            log.info("Certificate {} revoked ({} enrolment shown here)", revoked.certificateId(), changed);
        });
    }
}
