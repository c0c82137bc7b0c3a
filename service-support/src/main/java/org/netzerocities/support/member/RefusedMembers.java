package org.netzerocities.support.member;

import org.netzerocities.events.consumer.IdLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The members whose tokens this service refuses although they are validly signed and unexpired: erased and suspended
 * accounts. Each service records them from community-service's events in its own database ({@value #COLLECTION}:
 * member id, reason, when recorded) and keeps them in memory for the check on every request.
 *
 * <p>Of several instances in one consumer group only one receives an event: it refuses the member at once, the
 * others at their next {@link #refresh()}, which reads only what was recorded since the latest record it saw.
 * That watermark is the database's own clock ({@code $currentDate}), so the instances' clocks do not matter;
 * each refresh reads a little further back ({@code overlap}) to catch a record written just before another
 * one that it has already seen.
 *
 * <p>For reasons that end (a reinstated suspension), the record is changed and re-dated rather than deleted, so
 * that a refresh sees the change: a reinstated member's record keeps no reason. An erasure never ends, and no later
 * reason may replace it.
 */
public class RefusedMembers {

    public static final String COLLECTION = "refused_members";
    static final String REASON = "reason";
    static final String RECORDED_AT = "recordedAt";
    private static final Logger log = LoggerFactory.getLogger(RefusedMembers.class);

    /** Why a member's tokens are refused. */
    public enum Reason {
        ERASED, SUSPENDED
    }

    private final MongoTemplate mongo;
    private final Duration overlap;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** The latest record time seen; {@code null} until a record was seen, so that everything is read. */
    private Instant seenUpTo;

    public RefusedMembers(MongoTemplate mongo, Duration overlap) {
        this.mongo = mongo;
        this.overlap = overlap;
    }

    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(RECORDED_AT, Sort.Direction.ASC).named("recorded"));
    }

    public boolean isRefused(String memberId) {
        return refused.contains(memberId);
    }

    /**
     * Records the refusal (again: idempotent) and refuses the member on this instance at once. A suspension never
     * replaces an erasure: its conditional upsert then meets the erased member's record on the unique {@code _id}.
     */
    public void refuse(String memberId, Reason reason) {
        Criteria member = Criteria.where("_id").is(memberId);
        if (reason != Reason.ERASED) {
            member = member.and(REASON).ne(Reason.ERASED.name());
        }
        try {
            mongo.upsert(Query.query(member), new Update().set(REASON, reason.name()).currentDate(RECORDED_AT),
                    COLLECTION);
        }
        catch (DuplicateKeyException erased) {
            log.debug("Member {} was erased: {} changes nothing", memberId, reason);
            return;
        }
        if (refused.add(memberId)) {
            log.info("Tokens of member {} refused from now on: {}", memberId, reason);
        }
    }

    /**
     * Ends a suspension: the record loses its reason and is re-dated, so that the other instances accept the member
     * again at their next {@link #refresh()}. An erased member stays refused.
     */
    public void reinstate(String memberId) {
        Query suspended = Query.query(Criteria.where("_id").is(memberId).and(REASON).is(Reason.SUSPENDED.name()));
        if (mongo.updateFirst(suspended, new Update().unset(REASON).currentDate(RECORDED_AT), COLLECTION)
                .getModifiedCount() > 0 && refused.remove(memberId)) {
            log.info("Tokens of member {} accepted again: reinstated", memberId);
        }
    }

    /**
     * Whether the member was erased, read from the database: member ids are never reused, so an event that would
     * create something for an erased member is a replay of one from before the erasure.
     */
    public boolean wasErased(String memberId) {
        return IdLookup.byId(mongo, COLLECTION, memberId, REASON)
                .map(refused -> Reason.ERASED.name().equals(refused.getString(REASON))).orElse(false);
    }

    /** {@link #wasErased} for many members in one read (a batch's recipients): the erased among them. */
    public Set<String> erasedAmong(Collection<String> memberIds) {
        Query erased = Query.query(Criteria.where("_id").in(memberIds).and(REASON).is(Reason.ERASED.name()));
        erased.fields().include("_id");
        return mongo.find(erased, Document.class, COLLECTION).stream().map(member -> member.getString("_id"))
                .collect(Collectors.toSet());
    }

    /**
     * Reads what other instances recorded since the latest record seen (everything, the first time): refusals, and
     * reinstatements, whose records have no reason.
     *
     * @return how many members are refused here now that were not before
     */
    public synchronized int refresh() {
        Query recent = seenUpTo == null ? new Query()
                : Query.query(Criteria.where(RECORDED_AT).gte(Date.from(seenUpTo.minus(overlap))));
        recent.fields().include("_id", REASON, RECORDED_AT);
        int learnt = 0;
        int accepted = 0;
        for (Document record : mongo.find(recent, Document.class, COLLECTION)) {
            String memberId = record.getString("_id");
            if (record.getString(REASON) == null) {
                accepted += refused.remove(memberId) ? 1 : 0;
            }
            else if (refused.add(memberId)) {
                learnt++;
            }
            Date recordedAt = record.getDate(RECORDED_AT);
            if (recordedAt != null && (seenUpTo == null || recordedAt.toInstant().isAfter(seenUpTo))) {
                seenUpTo = recordedAt.toInstant();
            }
        }
        if (learnt > 0 || accepted > 0) {
            log.info("Learnt of {} more refused and {} reinstated members ({} refused in all)", learnt, accepted,
                    refused.size());
        }
        return learnt;
    }
}
