package org.netzerocities.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.RetryLaterException;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import com.mongodb.client.MongoClients;

/**
 * What issuing and erasure do to the stored certificates, on a database of the test's own where no outbox relay
 * sends events away, and with the races against the member's events played out step by step.
 */
class CertificatesTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "learning-certificates-" + UUID.randomUUID());
    private final MongoRepositoryFactory repositories = new MongoRepositoryFactory(mongo);
    private final CertificateRepository certificates = repositories.getRepository(CertificateRepository.class);
    private final LearnerRepository learners = repositories.getRepository(LearnerRepository.class);
    private final RefusedMembers refused = new RefusedMembers(mongo, Duration.ofMinutes(1));
    private final String memberId = UUID.randomUUID().toString();
    private final ProgramCompleted completion = new ProgramCompleted(UUID.randomUUID().toString(), memberId,
            "cohort-1", "Spring 2027, Lisbon", Instant.now());

    @Test
    void erasureTakesTheHoldersIdNameAndUnsentEventsOffTheirCertificates() {
        learners.save(new Learner(memberId, "Hedy Lamarr", "wien", List.of("de"), List.of(), Instant.now()));
        Certificates service = service(learners, refused);
        service.issue(completion);
        Certificate stale = single();
        assertThat(stale.outbox()).extracting(PendingEvent::type).containsExactly(EventCatalog.CERTIFICATE_ISSUED.type());

        service.anonymise(memberId);

        Document stored = mongo.findById(stale.id(), Document.class, Certificate.COLLECTION);
        assertThat(stored).doesNotContainKeys(Certificate.MEMBER_ID, Certificate.HOLDER_NAME)
                .containsEntry(Certificate.HOLDER_ERASED, true).containsEntry("outbox", List.of());
        assertThat(stored.toJson()).doesNotContain("Hedy", memberId);
        // a revocation saved from a read before the erasure would write the holder back: it must lose
        stale.revoke("fraud", Instant.now(), events());
        assertThatThrownBy(() -> certificates.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void aCertificateIssuedWhileTheHolderIsBeingErasedIsAnonymisedAtOnce() {
        // the erasure, on another topic, is recorded between the issuer's check and its insert
        AtomicBoolean checked = new AtomicBoolean();
        RefusedMembers erasedMeanwhile = new RefusedMembers(mongo, Duration.ofMinutes(1)) {
            @Override
            public boolean wasErased(String id) {
                return checked.getAndSet(true);
            }
        };

        service(learners, erasedMeanwhile).issue(completion);

        assertThat(single().holderErased()).isTrue();
        assertThat(single().memberId()).isNull();
    }

    @Test
    void aNameThatArrivesWhileTheCertificateIsIssuedIsNotMissed() {
        // the member's MemberJoined is handled between the issuer's look-up of the name and its insert
        AtomicBoolean lookedUp = new AtomicBoolean();
        LearnerRepository nameArrivesLate = (LearnerRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { LearnerRepository.class }, (proxy, method, args) -> {
                    if (method.getName().equals("findById") && !lookedUp.getAndSet(true)) {
                        learners.save(new Learner(memberId, "Mary Somerville", "lisboa", List.of("pt"), List.of(),
                                Instant.now()));
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(learners, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });

        service(nameArrivesLate, refused).issue(completion);

        assertThat(single().holderName()).isEqualTo("Mary Somerville");
    }

    @Test
    void aVerificationCodeDrawnTwiceIsRetriedWithAnotherNeverIssuedTwice() {
        mongo.indexOps(Certificate.class).createIndex(new Index(Certificate.VERIFICATION_CODE, Sort.Direction.ASC)
                .unique());
        SecureRandom stuck = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 0);
            }
        };
        Certificates drawingTheSameCode = new Certificates(certificates, mongo, learners, refused,
                new VerificationCodes(stuck), events(), Clock.systemUTC(), new FiveModules());
        drawingTheSameCode.issue(completion);
        ProgramCompleted another = new ProgramCompleted(UUID.randomUUID().toString(), memberId, "cohort-2",
                "Autumn 2027, Lisbon", Instant.now());

        assertThatThrownBy(() -> drawingTheSameCode.issue(another)).isInstanceOf(RetryLaterException.class);
        service(learners, refused).issue(another);

        assertThat(certificates.findAll()).extracting(Certificate::enrollmentId)
                .containsExactlyInAnyOrder(completion.enrollmentId(), another.enrollmentId());
    }

    private Certificates service(LearnerRepository learnerRepository, RefusedMembers refusedMembers) {
        return new Certificates(certificates, mongo, learnerRepository, refusedMembers,
                new VerificationCodes(new SecureRandom()), events(), Clock.systemUTC(), new FiveModules());
    }

    private static EventFactory events() {
        return new EventFactory("/test", new EventCodec(), Clock.systemUTC(), () -> null);
    }

    private Certificate single() {
        List<Certificate> all = certificates.findAll();
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
