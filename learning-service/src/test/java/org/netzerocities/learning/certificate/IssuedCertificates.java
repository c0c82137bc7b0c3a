package org.netzerocities.learning.certificate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.testsupport.HandlerHarness;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Completions and the certificates they issued, for the service tests. */
final class IssuedCertificates {

    private IssuedCertificates() {
    }

    /** A completion of a new enrolment of the member, in a new cohort. */
    static ProgramCompleted completion(String memberId) {
        return new ProgramCompleted(UUID.randomUUID().toString(), memberId, UUID.randomUUID().toString(),
                "Spring 2027, Lisbon", Instant.now());
    }

    /** The certificate the issuer's handler issues for the completion, delivered to it without the broker. */
    static Certificate issue(EventHandler<ProgramCompleted> issuer, MongoTemplate mongo, ProgramCompleted completion) {
        HandlerHarness.deliver(issuer, completion.enrollmentId(), completion);
        return certificatesOf(mongo, completion).get(0);
    }

    /** The certificate issued for a completion of a new member. */
    static Certificate issue(EventHandler<ProgramCompleted> issuer, MongoTemplate mongo) {
        return issue(issuer, mongo, completion(UUID.randomUUID().toString()));
    }

    static List<Certificate> certificatesOf(MongoTemplate mongo, ProgramCompleted completion) {
        return mongo.find(Query.query(Criteria.where("enrollmentId").is(completion.enrollmentId())),
                Certificate.class);
    }
}
