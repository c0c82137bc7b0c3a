package org.netzerocities.support.member;

import java.util.function.Function;

import org.netzerocities.events.consumer.AppliedEvents;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.consumer.TombstoneHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.contract.community.MemberErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's own copy of what it needs of community members: one document per member id in a collection, each
 * event changing some of its fields at most once ({@link AppliedEvents}), and gone for good when the member is
 * erased.
 *
 * <p>Erasure deletes the document, which takes its record of applied events with it; the erasure itself stays in
 * {@link RefusedMembers}. So an event that would write to the member's document is applied only if the member was
 * not erased: a replay of an older event (a redelivery whose processed-event mark has expired, a consumer reset
 * to an earlier offset) recreates nothing. The check is repeated after the write, for events on another topic
 * than the erasure, which may be handled at the same moment (the erasure is recorded before any deletion).
 */
public final class MemberProjection {

    private static final Logger log = LoggerFactory.getLogger(MemberProjection.class);

    private final MongoTemplate mongo;
    private final String collection;
    private final RefusedMembers refused;

    public MemberProjection(MongoTemplate mongo, String collection, RefusedMembers refused) {
        this.mongo = mongo;
        this.collection = collection;
        this.refused = refused;
    }

    /**
     * Applies each event of {@code type} to the member's document, creating it if need be, unless the member was
     * erased. Handlers of events that may arrive in any order should set disjoint fields.
     */
    public <T> EventHandler<T> upserting(EventType<T> type, Function<T, String> memberIdOf,
            Function<T, Update> effectOf) {
        return EventHandler.on(type, (payload, event) -> {
            String memberId = memberIdOf.apply(payload);
            if (refused.wasErased(memberId)) {
                log.info("Event {} for erased member {} ignored by {}", event.id(), memberId, collection);
                return;
            }
            AppliedEvents.applyOnce(mongo, collection, memberId, event.id(), effectOf.apply(payload), true);
            if (refused.wasErased(memberId)) {
                forget(memberId);
            }
        });
    }

    /** Deletes the member's document on erasure. */
    public EventHandler<MemberErased> erasing() {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> forget(erased.memberId()));
    }

    /** Deletes the member's document when {@code topic}, a compacted topic keyed by member id, forgets the member. */
    public TombstoneHandler forgettingOn(String topic) {
        return TombstoneHandler.on(topic, this::forget);
    }

    private void forget(String memberId) {
        if (mongo.remove(Query.query(Criteria.where("_id").is(memberId)), collection).getDeletedCount() > 0) {
            log.info("Member {} removed from {}", memberId, collection);
        }
    }
}
