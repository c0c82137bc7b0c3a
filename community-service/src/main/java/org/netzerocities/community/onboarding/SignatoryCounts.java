package org.netzerocities.community.onboarding;

import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.netzerocities.events.consumer.AppliedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Signatories per manifesto version, served publicly. Counting acceptances on each request would scan the
 * whole onboarding collection (about 120 ms per 100,000 members on the embedded server, blocking that
 * collection's writes meanwhile), so a counter per version is kept instead, one tiny document each. It is
 * moved by this service's own ManifestoAccepted and MemberErased events, each applied at most once, rather
 * than by the acceptance request: the acceptance and its event are one write, so the counter can never miss
 * an acceptance or count one twice, which a second write after the acceptance could (crash in between). It
 * lags the acceptance by the relay's and the listener's latency, typically well under a second.
 */
@Component
class SignatoryCounts {

    static final String COLLECTION = "manifesto_signatories";

    private final MongoTemplate mongo;

    SignatoryCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void accepted(int version, String eventId) {
        AppliedEvents.applyOnce(mongo, COLLECTION, version, eventId, new Update().inc("count", 1), true);
    }

    /** An erased member no longer counts as a signatory of the versions they accepted. */
    void withdrawn(int version, String eventId) {
        AppliedEvents.applyOnce(mongo, COLLECTION, version, eventId, new Update().inc("count", -1), true);
    }

    Map<Integer, Long> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().collect(Collectors.toMap(
                doc -> ((Number) doc.get("_id")).intValue(), doc -> ((Number) doc.get("count")).longValue()));
    }
}
