package org.netzerocities.community.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.events.contract.community.EventRegistrationChanged;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * Keeps each member's onboarding document. Every change reads the document, applies a rule of
 * {@link Onboarding} and saves it whole under its version: a save that loses a race (another event of the
 * member, an acceptance, the relay removing sent events) reads again and retries; a document created by two
 * writers at once is created by one, and the other retries as an update.
 */
@Service
class OnboardingService {

    private static final Logger log = LoggerFactory.getLogger(OnboardingService.class);

    private final MongoTemplate mongo;
    private final Manifestos manifestos;
    private final SignatoryCounts signatories;
    private final Amendments amendments;
    private final EventFactory events;
    private final Clock clock;

    OnboardingService(MongoTemplate mongo, Manifestos manifestos, SignatoryCounts signatories, Amendments amendments,
            EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.manifestos = manifestos;
        this.signatories = signatories;
        this.amendments = amendments;
        this.events = events;
        this.clock = clock;
    }

    /** The member's document, or a blank one when none of their events has arrived yet. */
    Onboarding of(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Onboarding.class))
                .orElseGet(() -> Onboarding.of(memberId));
    }

    Checklist checklist(String memberId) {
        return Checklist.of(of(memberId), manifestos.currentNumber());
    }

    /**
     * Accepts the version in force; accepting it again changes nothing. The acceptance may come before the
     * member's MemberJoined was consumed: the document is created then and completed by that event.
     *
     * @param expected the version the member read, if they say; null accepts whatever is current
     * @throws ApiProblem 409 when {@code expected} is not the version in force, or none was published yet
     */
    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public Checklist accept(String memberId, Integer expected) {
        int current = manifestos.currentNumber();
        if (current == 0) {
            throw ApiProblem.conflict("no-manifesto", "No manifesto version has been published yet");
        }
        if (expected != null && expected != current) {
            throw ApiProblem.conflict("manifesto-version-not-current",
                    "Version " + current + " is the current version, not " + expected);
        }
        Onboarding member = of(memberId);
        if (member.erased()) {
            throw ApiProblem.notFound("Member " + memberId);
        }
        boolean wasOnboarded = member.onboardedAt() != null;
        if (member.accept(current, now(), events)) {
            member = mongo.save(member);
            log.info("Member {} accepted manifesto version {}", memberId, current);
            if (!wasOnboarded && member.onboardedAt() != null) {
                log.info("Member {} is onboarded", memberId);
            }
        }
        return Checklist.of(member, current);
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public void joined(MemberJoined joined, String eventId) {
        apply(joined.memberId(), eventId, member -> {
            member.joined(joined.city(), Languages.normalise(joined.languages()), joined.profileComplete(),
                    joined.joinedAt());
            member.completeIfReady(manifestos.currentNumber(), now(), events);
        });
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public void profileUpdated(MemberProfileUpdated updated, String eventId) {
        apply(updated.memberId(), eventId, member -> {
            member.profile(updated.city(), Languages.normalise(updated.languages()), updated.profileComplete(),
                    updated.updatedAt());
            member.completeIfReady(manifestos.currentNumber(), now(), events);
        });
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public void enrolled(LearnerEnrolled enrolled, String eventId) {
        apply(enrolled.memberId(), eventId, member -> {
            if (member.enrolled(enrolled.status(), now())) {
                log.info("Member {} completed the programme step (enrolment {})", enrolled.memberId(),
                        enrolled.enrollmentId());
            }
        });
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public void registeredForEvent(EventRegistrationChanged registration, String eventId) {
        apply(registration.memberId(), eventId, member -> {
            if (member.registeredForEvent(registration.status(), now())) {
                log.info("Member {} completed the event step (event {})", registration.memberId(),
                        registration.eventId());
            }
        });
    }

    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public void joinedGroup(String memberId, String eventId) {
        apply(memberId, eventId, member -> {
            if (member.joinedGroup(now())) {
                log.info("Member {} completed the join-a-group step", memberId);
            }
        });
    }

    /**
     * Forgets the member, keeping only a marker so that their events still on their way (learning's, say)
     * do not bring a document back. Their signatures are withdrawn from the counts first: on a retry the
     * counters, which remember the event id, are not moved twice.
     */
    @Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 5,
            delay = 20)
    public void erased(MemberErased erased, String eventId) {
        Onboarding member = of(erased.memberId());
        if (!member.firstDelivery(eventId)) {
            return;
        }
        List<Integer> accepted = member.erase(now());
        accepted.forEach(version -> signatories.withdrawn(version, eventId));
        amendments.anonymise(erased.memberId());
        mongo.save(member);
        log.info("Onboarding of erased member {} forgotten", erased.memberId());
    }

    private void apply(String memberId, String eventId, Consumer<Onboarding> change) {
        Onboarding member = of(memberId);
        if (member.erased() || !member.firstDelivery(eventId)) {
            return;
        }
        boolean wasOnboarded = member.onboardedAt() != null;
        change.accept(member);
        mongo.save(member);
        if (!wasOnboarded && member.onboardedAt() != null) {
            log.info("Member {} is onboarded", memberId);
        }
    }

    /** Millisecond precision: what MongoDB stores, so answers match later reads. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
