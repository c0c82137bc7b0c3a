package org.netzerocities.community.activity;

import org.netzerocities.events.consumer.IdLookup;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.netzerocities.community.member.Member;
import org.netzerocities.events.consumer.AppliedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@value #COLLECTION} collection, one document per member ({@code _id} = member id) kept up to date from
 * events, each applied at most once ({@link AppliedEvents}). Read in batches of a page of members, never per
 * member. A counter not yet written reads as 0.
 */
@Component
public class MemberActivities {

    static final String COLLECTION = "member_activity";
    static final String POSTS = "posts";
    static final String EVENTS_ORGANISED = "eventsOrganised";
    static final String CERTIFICATES = "certificates";
    /**
     * Revoked certificate ids, kept so that an issue applied after its revocation (a re-driven dead letter)
     * cannot bring the certificate back: what a member holds is the issued ones minus these.
     */
    static final String REVOKED_CERTIFICATES = "revokedCertificates";
    private static final Logger log = LoggerFactory.getLogger(MemberActivities.class);

    private final MongoTemplate mongo;

    public MemberActivities(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The signals of the given members in one query; members without activity get {@link ActivitySignal#NONE}. */
    public Map<String, ActivitySignal> signalsOf(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(memberIds));
        query.fields().include(POSTS, EVENTS_ORGANISED, CERTIFICATES, REVOKED_CERTIFICATES);
        Map<String, ActivitySignal> found = mongo.find(query, Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(doc -> doc.getString("_id"), MemberActivities::signal));
        return memberIds.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), id -> found.getOrDefault(id, ActivitySignal.NONE)));
    }

    /** A post by the member was published on the message boards. */
    void postPublished(String memberId, String eventId) {
        apply(memberId, eventId, new Update().inc(POSTS, 1));
    }

    /** An event organised by the member was scheduled. */
    void eventOrganised(String memberId, String eventId) {
        apply(memberId, eventId, new Update().inc(EVENTS_ORGANISED, 1));
    }

    void certificateIssued(String memberId, String certificateId, String eventId) {
        apply(memberId, eventId, new Update().addToSet(CERTIFICATES, certificateId));
    }

    void certificateRevoked(String memberId, String certificateId, String eventId) {
        apply(memberId, eventId,
                new Update().pull(CERTIFICATES, certificateId).addToSet(REVOKED_CERTIFICATES, certificateId));
    }

    /** The member's account was erased: nothing of it stays here. */
    void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), COLLECTION);
    }

    /**
     * Counts nothing for an erased account: an event about it that arrives after its erasure (from another
     * topic, or re-driven) would otherwise bring back a document that {@link #forget} removed.
     */
    private void apply(String memberId, String eventId, Update effect) {
        if (IdLookup.byId(mongo, Member.COLLECTION, memberId, Member.ERASED_AT)
                .map(member -> member.get(Member.ERASED_AT) != null).orElse(false)) {
            log.info("Activity event {} ignored: member {} is erased", eventId, memberId);
            return;
        }
        AppliedEvents.applyOnce(mongo, COLLECTION, memberId, eventId, effect, true);
    }

    private static ActivitySignal signal(Document doc) {
        Set<String> held = new HashSet<>(strings(doc, CERTIFICATES));
        held.removeAll(strings(doc, REVOKED_CERTIFICATES));
        return ActivitySignal.of(number(doc, POSTS), number(doc, EVENTS_ORGANISED), held.size());
    }

    private static List<String> strings(Document doc, String field) {
        List<String> values = doc.getList(field, String.class);
        return values == null ? List.of() : values;
    }

    private static long number(Document doc, String field) {
        return doc.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
