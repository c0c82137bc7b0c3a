package org.netzerocities.community.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.ManifestoVersionPublished;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published version of the manifesto. The number is the {@code _id}: two admins publishing at once, or two
 * instances seeding version 1 at once, cannot both create the same number. Its text is English first; the
 * English text is fixed once published (members accepted it), translations can be added and corrected.
 */
@Document(ManifestoVersion.COLLECTION)
class ManifestoVersion implements OutboxAggregate {

    static final String COLLECTION = "manifesto_versions";

    @Id
    private int number;
    private Instant publishedAt;
    /** The admin who published it, for the audit log; {@code null} for the version seeded at start-up. */
    private String publishedBy;
    /** By ISO 639-1 language; always holds {@link Languages#ENGLISH}. */
    private Map<String, ManifestoText> texts = new LinkedHashMap<>();
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    ManifestoVersion() {
    }

    /** Version {@code number} in English, announced with ManifestoVersionPublished in the same write. */
    static ManifestoVersion publish(int number, ManifestoText english, String publishedBy, Instant now,
            EventFactory events) {
        ManifestoVersion manifesto = new ManifestoVersion();
        manifesto.number = number;
        manifesto.publishedAt = now;
        manifesto.publishedBy = publishedBy;
        manifesto.texts.put(Languages.ENGLISH, english);
        manifesto.outbox.add(events.create(EventCatalog.MANIFESTO_VERSION_PUBLISHED, String.valueOf(number),
                new ManifestoVersionPublished(number, now, english.summary())));
        return manifesto;
    }

    /** Adds or replaces a translation; false when it is the same as stored. */
    boolean translate(String language, ManifestoText text) {
        if (Languages.ENGLISH.equals(language)) {
            throw new IllegalArgumentException("The English text of a published version is fixed");
        }
        return !text.equals(texts.put(language, text));
    }

    int number() {
        return number;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    String publishedBy() {
        return publishedBy;
    }

    Map<String, ManifestoText> texts() {
        return Map.copyOf(texts);
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
