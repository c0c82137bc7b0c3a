package org.netzerocities.community.terms;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The versions of the terms of use and privacy notice, and the consent members give to them. The version in
 * force is read on every use, never cached: another instance may have published one a moment ago.
 */
@Service
public class Terms {

    private static final Logger log = LoggerFactory.getLogger(Terms.class);

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final Clock clock;
    private final TermsProperties properties;

    Terms(MongoTemplate mongo, EventFactory events, Clock clock, TermsProperties properties) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    Optional<TermsVersion> current() {
        return Optional.ofNullable(mongo.findOne(latest(), TermsVersion.class));
    }

    /** The number of the version in force, 0 before any was published. */
    public int currentNumber() {
        Query latest = latest();
        latest.fields().include("_id");
        TermsVersion version = mongo.findOne(latest, TermsVersion.class);
        return version == null ? 0 : version.number();
    }

    Optional<TermsVersion> find(int number) {
        return Optional.ofNullable(mongo.findById(number, TermsVersion.class));
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
     * Publishes the next version. The number is the document's {@code _id}, so of two admins publishing at once
     * only one gets it; the other is told to read what was just published rather than given the next number for
     * a text written against an older version.
     *
     * @throws ApiProblem 409 when another version was published meanwhile
     */
    TermsVersion publish(TermsText content, String adminId) {
        int number = currentNumber() + 1;
        try {
            TermsVersion published = mongo.insert(TermsVersion.publish(number, content,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), events));
            log.info("Terms version {} published by member {}", number, adminId);
            return published;
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("terms-version-conflict",
                    "Version " + number + " was published meanwhile: read it, then publish again if needed");
        }
    }

    /** Creates version 1 unless a version exists; returns whether this call created it. */
    boolean seedFirst(TermsText content) {
        if (find(1).isPresent()) {
            return false;
        }
        try {
            mongo.insert(TermsVersion.publish(1, content, clock.instant().truncatedTo(ChronoUnit.MILLIS), events));
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false; // another instance seeded it at the same moment
        }
    }

    private static Query latest() {
        return new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
    }
}
