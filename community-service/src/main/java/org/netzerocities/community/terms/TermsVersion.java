package org.netzerocities.community.terms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.TermsVersionPublished;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published version of the terms of use and privacy notice. The number is the {@code _id}: two admins
 * publishing at once, or two instances seeding version 1 at once, cannot both create the same number. Its text is
 * fixed once published: members accepted exactly that text.
 */
@Document(TermsVersion.COLLECTION)
class TermsVersion implements OutboxAggregate {

    static final String COLLECTION = "terms_versions";

    @Id
    private int number;
    private Instant publishedAt;
    /** The admin who published it; {@code null} for the version seeded at start-up. */
    private String publishedBy;
    private String summary;
    private String text;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    TermsVersion() {
    }

    /**
     * Version {@code number}, announced with TermsVersionPublished in the same write; keyed {@code terms-<number>}
     * on the manifesto topic, whose keys are otherwise the manifesto's bare version numbers.
     */
    static TermsVersion publish(int number, TermsText content, String publishedBy, Instant now, EventFactory events) {
        TermsVersion terms = new TermsVersion();
        terms.number = number;
        terms.publishedAt = now;
        terms.publishedBy = publishedBy;
        terms.summary = content.summary();
        terms.text = content.text();
        terms.outbox.add(events.create(EventCatalog.TERMS_VERSION_PUBLISHED, "terms-" + number,
                new TermsVersionPublished(number, now, content.summary())));
        return terms;
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

    String summary() {
        return summary;
    }

    String text() {
        return text;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
