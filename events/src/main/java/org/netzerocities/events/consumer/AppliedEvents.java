package org.netzerocities.events.consumer;

import java.util.function.Function;

import org.netzerocities.events.contract.EventType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.result.UpdateResult;

/**
 * Applies an event's effect to one document at most once, even when two consumers get the same record at
 * the same moment: the event id is recorded in the same single-document update as the effect, and the
 * update only matches a document that does not carry the id yet. Atomic on every MongoDB, no transactions.
 */
public final class AppliedEvents {

    /** Field holding the ids of the latest events applied to a document. */
    public static final String FIELD = "appliedEvents";
    /** How many ids a document remembers; older replays are caught by {@link ProcessedEvents}. */
    static final int REMEMBERED = 50;

    private AppliedEvents() {
    }

    /**
     * A handler that keeps one document per aggregate of another service up to date (a local projection):
     * each event upserts the document {@code idOf(payload)} of {@code collection} with {@code effectOf(payload)},
     * at most once.
     */
    public static <T> EventHandler<T> projection(MongoTemplate mongo, EventType<T> type, String collection,
            Function<T, Object> idOf, Function<T, Update> effectOf) {
        return EventHandler.on(type, (payload, event) -> applyOnce(mongo, collection, idOf.apply(payload), event.id(),
                effectOf.apply(payload), true));
    }

    /**
     * Applies {@code effect} to the document {@code id} of {@code collection} unless {@code eventId} was
     * applied to it already; with {@code upsert} a missing document is created.
     *
     * @return whether the effect was applied now
     */
    public static boolean applyOnce(MongoTemplate mongo, String collection, Object id, String eventId, Update effect,
            boolean upsert) {
        Query notYetApplied = Query.query(Criteria.where("_id").is(id).and(FIELD).ne(eventId));
        Update recorded = effect.push(FIELD).slice(-REMEMBERED).each(eventId);
        try {
            UpdateResult result = upsert ? mongo.upsert(notYetApplied, recorded, collection)
                    : mongo.updateFirst(notYetApplied, recorded, collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        }
        catch (DuplicateKeyException alreadyApplied) {
            // the document exists and carries the id, so the upsert tried to insert a second one with its _id
            return false;
        }
    }
}
