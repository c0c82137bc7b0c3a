package org.netzerocities.notification.preference;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Each member's count of immediate non-critical emails per week in {@value #COLLECTION}: {@code _id}
 * {@code <memberId>~<week>}, {@code memberId}, {@code week}, {@code sent}, {@code expiresAt} (TTL on a real
 * MongoDB; {@link #purge} on the embedded server). A batch costs one bulk write and one read, whatever its size (a
 * batch of one member's drafts: one find-and-modify); see {@link WeeklyBudget} for why adding first keeps the cap
 * with two writers.
 */
class EmailBudget {

    static final String COLLECTION = "notification_email_budgets";
    /** A week's counter is of no use once the week is over; two weeks cover every time zone's week. */
    private static final Duration KEPT = Duration.ofDays(15);
    private static final Logger log = LoggerFactory.getLogger(EmailBudget.class);

    private final MongoTemplate mongo;
    private final WeeklyBudget budget;

    EmailBudget(MongoTemplate mongo, WeeklyBudget budget) {
        this.mongo = mongo;
        this.budget = budget;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO)
                .named("expiry"));
    }

    int cap() {
        return budget.cap();
    }

    /**
     * Counts the emails each member is to get now.
     *
     * @param wanted member id → immediate emails the batch would send them (members with none left out)
     * @return member id → how many of them fit in the member's week; the rest go to the digest
     */
    Map<String, Integer> take(Map<String, Integer> wanted, Map<String, ZoneId> zones, Instant now) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, String> counterIds = new HashMap<>();
        Map<String, Update> additions = new HashMap<>();
        wanted.forEach((memberId, count) -> {
            String week = WeeklyBudget.week(now, zones.get(memberId));
            String id = memberId + "~" + week;
            counterIds.put(id, memberId);
            additions.put(id, new Update().inc("sent", count).setOnInsert("memberId", memberId)
                    .setOnInsert("week", week).setOnInsert("expiresAt", now.plus(KEPT)));
        });
        List<Document> counters;
        if (additions.size() == 1) {
            // the usual batch at a steady pace: one member, one round trip that adds and reads back at once
            var only = additions.entrySet().iterator().next();
            counters = List.of(mongo.findAndModify(Query.query(Criteria.where("_id").is(only.getKey())),
                    only.getValue(), FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
                    COLLECTION));
        }
        else {
            BulkOperations add = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            additions.forEach((id, addition) -> add.upsert(Query.query(Criteria.where("_id").is(id)), addition));
            add.execute();
            counters = mongo.find(Query.query(Criteria.where("_id").in(counterIds.keySet())), Document.class,
                    COLLECTION);
        }

        Map<String, Integer> allowed = new HashMap<>();
        BulkOperations giveBack = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        boolean anyOver = false;
        for (Document counter : counters) {
            String memberId = counterIds.get(counter.getString("_id"));
            int count = wanted.get(memberId);
            int fits = budget.allowed(((Number) counter.get("sent")).longValue(), count);
            allowed.put(memberId, fits);
            if (fits < count) {
                // the counter is what was sent: what goes to the digest gives its place back
                giveBack.updateOne(Query.query(Criteria.where("_id").is(counter.getString("_id"))),
                        new Update().inc("sent", fits - count));
                anyOver = true;
                log.info("Weekly email budget of member {} reached: {} of {} emails go to the digest", memberId,
                        count - fits, count);
            }
        }
        if (anyOver) {
            giveBack.execute();
        }
        return allowed;
    }

    /** The member's counters, for their data export. */
    List<WeekCount> of(String memberId) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId)), Document.class, COLLECTION).stream()
                .map(counter -> new WeekCount(counter.getString("week"), ((Number) counter.get("sent")).intValue()))
                .toList();
    }

    /** Immediate non-critical emails sent to the member in an ISO week of their calendar. */
    record WeekCount(String week, int sent) {
    }

    void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), COLLECTION);
    }

    void purge(Instant now) {
        long removed = mongo.remove(Query.query(Criteria.where("expiresAt").lt(now)), COLLECTION).getDeletedCount();
        if (removed > 0) {
            log.info("Purged {} email budget counters of past weeks", removed);
        }
    }
}
