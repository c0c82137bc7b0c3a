package org.netzerocities.community.onboarding;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
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
    private final EventFactory events;
    private final Clock clock;

    Manifestos(MongoTemplate mongo, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /** Read on every use, never cached: another instance may have published a version a moment ago. */
    Optional<ManifestoVersion> current() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                ManifestoVersion.class));
    }

    /** The number of the version in force, 0 before any was published. */
    int currentNumber() {
        Query latest = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        latest.fields().include("_id");
        ManifestoVersion version = mongo.findOne(latest, ManifestoVersion.class);
        return version == null ? 0 : version.number();
    }

    Optional<ManifestoVersion> find(int number) {
        return Optional.ofNullable(mongo.findById(number, ManifestoVersion.class));
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
     * Publishes the next version. The number is the document's {@code _id}, so of two admins publishing at
     * once only one gets it; the other is told to look at what was just published rather than given the next
     * number for a text written against an older version.
     *
     * @throws ApiProblem 409 when another version was published meanwhile
     */
    ManifestoVersion publish(ManifestoText english, String adminId) {
        int number = currentNumber() + 1;
        try {
            ManifestoVersion published = mongo.insert(ManifestoVersion.publish(number, english, adminId,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), events));
            log.info("Manifesto version {} published by member {}", number, adminId);
            return published;
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("manifesto-version-conflict",
                    "Version " + number + " was published meanwhile: read it, then publish again if needed");
        }
    }

    /** Creates version 1 unless a version 1 exists; returns whether this call created it. */
    boolean seedFirst(ManifestoText english) {
        if (find(1).isPresent()) {
            return false;
        }
        try {
            mongo.insert(ManifestoVersion.publish(1, english, null, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    events));
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false; // another instance seeded it at the same moment
        }
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
