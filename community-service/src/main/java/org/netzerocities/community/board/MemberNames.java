package org.netzerocities.community.board;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.netzerocities.community.member.Member;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who goes by which name, for mentions: {@value #BY_NAME} holds one document per name key ({@code _id}, see
 * {@link Mentions#key}) with the ids of the members of that name, {@value #OF_MEMBER} each member's current key
 * (to move them when they are renamed). Kept from the member events (and, for the accounts no event announced,
 * by {@link MemberNamesBackfill}), so resolving a post's mentions is one
 * {@code _id} lookup here and one in the members, never a scan of all members. The index may lag or hold a
 * stale entry (an event not yet applied, a crash between two writes): the candidates' current names are read
 * by id ({@link #displayNames}, an erased account has none), so a stale entry never mentions anyone.
 */
@Component
class MemberNames {

    static final String BY_NAME = "board_names";
    static final String OF_MEMBER = "board_member_names";
    private static final String MEMBER_IDS = "memberIds";
    private static final String KEY = "key";

    private final MongoTemplate mongo;

    MemberNames(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The member now goes by {@code displayName}. Idempotent: applying it again, or after a crash half-way,
     * leaves the same index.
     */
    void named(String memberId, String displayName) {
        String key = Mentions.key(displayName);
        if (key != null) {
            mongo.upsert(byId(key), new Update().addToSet(MEMBER_IDS, memberId), BY_NAME);
        }
        Update current = key == null ? new Update().unset(KEY) : Update.update(KEY, key);
        Document before = mongo.findAndModify(byId(memberId), current, FindAndModifyOptions.options().upsert(true),
                Document.class, OF_MEMBER);
        String previous = before == null ? null : before.getString(KEY);
        if (previous != null && !previous.equals(key)) {
            mongo.updateFirst(byId(previous), new Update().pull(MEMBER_IDS, memberId), BY_NAME);
        }
    }

    /** The member's account was erased: they cannot be mentioned any more. */
    void forget(String memberId) {
        Document before = mongo.findAndRemove(byId(memberId), Document.class, OF_MEMBER);
        if (before != null && before.getString(KEY) != null) {
            mongo.updateFirst(byId(before.getString(KEY)), new Update().pull(MEMBER_IDS, memberId), BY_NAME);
        }
    }

    /** The ids indexed under each of the keys (keys nobody goes by are left out). */
    Map<String, Set<String>> membersNamed(Collection<String> keys) {
        Map<String, Set<String>> named = new HashMap<>();
        if (keys.isEmpty()) {
            return named;
        }
        for (Document doc : mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, BY_NAME)) {
            List<String> ids = doc.getList(MEMBER_IDS, String.class);
            if (ids != null && !ids.isEmpty()) {
                named.put(doc.getString("_id"), new HashSet<>(ids));
            }
        }
        return named;
    }

    /** The display names of the given accounts, erased and unknown ones left out: by id, one query. */
    Map<String, String> displayNames(Collection<String> memberIds) {
        Map<String, String> names = new HashMap<>();
        if (memberIds.isEmpty()) {
            return names;
        }
        Query query = Query.query(Criteria.where("_id").in(memberIds));
        query.fields().include(Member.DISPLAY_NAME);
        mongo.find(query, Document.class, Member.COLLECTION).stream()
                .filter(member -> member.getString(Member.DISPLAY_NAME) != null)
                .forEach(member -> names.put(member.getString("_id"), member.getString(Member.DISPLAY_NAME)));
        return names;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
