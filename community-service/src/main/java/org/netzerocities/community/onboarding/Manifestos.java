package org.netzerocities.community.onboarding;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.netzerocities.community.version.NumberedVersions;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.netzerocities.events.outbox.EventFactory;

/** The manifesto's versions: the current one, publishing the next, translations. */
@Service
public class Manifestos {

    private static final Logger log = LoggerFactory.getLogger(Manifestos.class);

    private final MongoTemplate mongo;
    private final NumberedVersions<ManifestoVersion> versions;
    private final EventFactory events;
    private final Clock clock;

    Manifestos(MongoTemplate mongo, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.versions = new NumberedVersions<>(mongo, ManifestoVersion.class, ManifestoVersion::number,
                "manifesto-version-conflict");
        this.events = events;
        this.clock = clock;
    }

    Optional<ManifestoVersion> current() {
        return versions.current();
    }

    /** The number of the version in force, 0 before any was published. */
    int currentNumber() {
        return versions.currentNumber();
    }

    Optional<ManifestoVersion> find(int number) {
        return versions.find(number);
    }

    /** Who published the version, for the audit log: empty for an unknown version and the one seeded at start-up. */
    public Optional<String> publishedBy(int number) {
        Query version = Query.query(Criteria.where("_id").is(number));
        version.fields().include("publishedBy");
        return Optional.ofNullable(mongo.findOne(version, ManifestoVersion.class)).map(ManifestoVersion::publishedBy);
    }

    /** Every version, without texts, oldest first: a handful of small documents. */
    List<ManifestoVersion> history() {
        Query all = new Query().with(Sort.by("_id"));
        all.fields().include("_id", "publishedAt", "texts." + Languages.ENGLISH + ".summary");
        return mongo.find(all, ManifestoVersion.class);
    }

    /**
     * Publishes the next version.
     *
     * @throws ApiProblem 409 when another version was published meanwhile
     */
    ManifestoVersion publish(ManifestoText english, String adminId) {
        ManifestoVersion published = versions.publishNext(number -> ManifestoVersion.publish(number, english, adminId,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), events));
        log.info("Manifesto version {} published by member {}", published.number(), adminId);
        return published;
    }

    /** Creates version 1 unless a version 1 exists; returns whether this call created it. */
    boolean seedFirst(ManifestoText english) {
        return versions.seedFirst(number -> ManifestoVersion.publish(number, english, null,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), events));
    }

    /**
     * @throws ApiProblem 404 unknown version, 400 for English (fixed once published: publish a new version)
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    public ManifestoVersion translate(int number, String language, ManifestoText text) {
        if (Languages.ENGLISH.equals(language)) {
            throw ApiProblem.invalid("language",
                    "the English text of a published version is fixed: publish a new version instead");
        }
        ManifestoVersion manifesto = find(number)
                .orElseThrow(() -> ApiProblem.notFound("Manifesto version " + number));
        if (manifesto.translate(language, text)) {
            manifesto = mongo.save(manifesto);
            log.info("Manifesto version {} translated into {}", number, language);
        }
        return manifesto;
    }

    /** The text in the first of {@code languages} it exists in, else English. */
    static Map.Entry<String, ManifestoText> in(ManifestoVersion manifesto, List<String> languages) {
        Map<String, ManifestoText> texts = manifesto.texts();
        String language = Languages.pick(languages, texts.keySet());
        return Map.entry(language, texts.get(language));
    }
}
