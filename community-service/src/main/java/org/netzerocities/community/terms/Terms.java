package org.netzerocities.community.terms;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.netzerocities.community.version.NumberedVersions;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The versions of the terms of use and privacy notice, and the consent members give to them. */
@Service
public class Terms {

    private static final Logger log = LoggerFactory.getLogger(Terms.class);

    private final NumberedVersions<TermsVersion> versions;
    private final EventFactory events;
    private final Clock clock;
    private final TermsProperties properties;

    Terms(MongoTemplate mongo, EventFactory events, Clock clock, TermsProperties properties) {
        this.versions = new NumberedVersions<>(mongo, TermsVersion.class, TermsVersion::number,
                "terms-version-conflict");
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    Optional<TermsVersion> current() {
        return versions.current();
    }

    /** The number of the version in force, 0 before any was published. */
    public int currentNumber() {
        return versions.currentNumber();
    }

    Optional<TermsVersion> find(int number) {
        return versions.find(number);
    }

    /** Who published the version, for the audit log: empty for an unknown version and the one seeded at start-up. */
    public Optional<String> publishedBy(int number) {
        return find(number).map(TermsVersion::publishedBy);
    }

    int minimumAge() {
        return properties.minimumAge();
    }

    /**
     * Checks that a citizen registering accepted the version in force and confirmed the minimum age.
     *
     * @throws ApiProblem 400 naming each of {@code termsVersion} and {@code minimumAgeConfirmed} at fault
     */
    public void requireConsent(Integer termsVersion, Boolean minimumAgeConfirmed) {
        List<ApiProblem.FieldError> errors = Consent.atRegistration(termsVersion, minimumAgeConfirmed,
                currentNumber(), properties.minimumAge());
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    /** Whether a member who last accepted {@code accepted} (null: never) is asked to accept the version in force. */
    public boolean acceptanceRequired(Integer accepted) {
        return Consent.acceptanceRequired(accepted, currentNumber());
    }

    /**
     * Checks that a member may accept {@code version} now: it must be the one in force.
     *
     * @throws ApiProblem 409 for a version replaced since, 400 for one never published
     */
    public void requireAcceptable(int version) {
        Consent.acceptable(version, currentNumber());
    }

    /**
     * Publishes the next version; every member is asked to accept it.
     *
     * @throws ApiProblem 409 when another version was published meanwhile
     */
    TermsVersion publish(TermsText content, String adminId) {
        TermsVersion published = versions.publishNext(number -> TermsVersion.publish(number, content, adminId, now(),
                events));
        log.info("Terms version {} published by member {}", published.number(), adminId);
        return published;
    }

    /** Creates version 1 unless it exists; returns whether this call created it. */
    boolean seedFirst(TermsText content) {
        return versions.seedFirst(number -> TermsVersion.publish(number, content, null, now(), events));
    }

    /** Millisecond precision: what MongoDB stores, so an answer matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
