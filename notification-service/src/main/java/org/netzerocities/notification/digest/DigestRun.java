package org.netzerocities.notification.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.preference.DigestOptOuts;
import org.netzerocities.notification.preference.MemberZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One digest run: a single pass over the pending notifications ({@code notifications} with
 * {@code digest: "PENDING"}, sorted by member then newest first), with each member's time zone, latest digest date
 * and digest opt-out read beforehand in one pass each, never a query per member. Members are handled in chunks: their digests
 * are sent, then their notifications marked {@code SENT} or {@code SKIPPED} and their digest date recorded, in
 * bulk. A crash in a chunk leaves its notifications pending: the next run sends the same digests again (same ids:
 * the email side sends each once) and marks them.
 */
public class DigestRun {

    static final String NOTIFICATIONS = "notifications";
    static final String CONTACTS = "member_contacts";
    /** Per member ({@code _id}), the local date of their latest digest ({@code lastDigestDate}, ISO). */
    static final String DIGEST_MEMBERS = "digest_members";
    /**
     * Documents per reply of the cursors: the embedded server otherwise answers a whole query in its first reply,
     * which the driver refuses beyond 48 MB (some 130,000 notifications).
     */
    private static final int BATCH = 2000;
    private static final Logger log = LoggerFactory.getLogger(DigestRun.class);

    private final MongoTemplate mongo;
    private final DigestRules rules;
    private final DigestMail mail;
    private final DigestOptOuts optOuts;
    private final int chunk;

    public DigestRun(MongoTemplate mongo, DigestProperties properties, DigestMail mail, DigestOptOuts optOuts) {
        this.mongo = mongo;
        this.rules = new DigestRules(properties.sendAt(), properties.maxEntries());
        this.mail = mail;
        this.optOuts = optOuts;
        this.chunk = properties.chunk();
    }

    /**
     * What a run did.
     *
     * @param handOver the part of {@code took} spent handing the digests over and marking (the rest is reading,
     *                 selecting and composing)
     */
    public record Outcome(int members, int emails, int skipped, long notifications, Duration took,
            Duration handOver) {
    }

    public Outcome run(Instant now) throws Exception {
        long start = System.nanoTime();
        Map<String, ZoneId> zones = zones();
        Map<String, LocalDate> lastDigests = lastDigests();
        Set<String> withoutDigest = optOuts.members();
        Totals totals = new Totals();
        Chunk current = new Chunk();
        Query pending = Query.query(Criteria.where("digest").is("PENDING"))
                .with(Sort.by(Sort.Order.asc("memberId"), Sort.Order.desc("createdAt")));
        pending.fields().include("memberId", "kind", "title", "body", "link", "createdAt", "readAt");
        pending.cursorBatchSize(BATCH);
        try (Stream<Document> stream = mongo.stream(pending, Document.class, NOTIFICATIONS)) {
            String memberId = null;
            List<PendingItem> items = new ArrayList<>();
            for (Document document : (Iterable<Document>) stream::iterator) {
                String owner = document.getString("memberId");
                if (memberId != null && !memberId.equals(owner)) {
                    current.add(decide(memberId, items, zones, lastDigests, withoutDigest, now));
                    items = new ArrayList<>();
                    if (current.size() >= chunk) {
                        current.complete(now, totals);
                        current = new Chunk();
                    }
                }
                memberId = owner;
                items.add(item(document));
            }
            if (memberId != null) {
                current.add(decide(memberId, items, zones, lastDigests, withoutDigest, now));
            }
        }
        current.complete(now, totals);
        Outcome outcome = new Outcome(totals.members, totals.emails, totals.members - totals.emails,
                totals.notifications, Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(totals.handOver));
        if (outcome.members() > 0) {
            log.info("Digest run: {} members due, {} digests sent, {} skipped (all read or digest off), "
                    + "{} notifications marked, in {} ms", outcome.members(), outcome.emails(), outcome.skipped(),
                    outcome.notifications(), outcome.took().toMillis());
        }
        return outcome;
    }

    private Due decide(String memberId, List<PendingItem> items, Map<String, ZoneId> zones,
            Map<String, LocalDate> lastDigests, Set<String> withoutDigest, Instant now) {
        ZoneId zone = zones.getOrDefault(memberId, MemberZones.of(null));
        DigestRules.Decision decision = rules.decide(memberId, items, zone, lastDigests.get(memberId),
                !withoutDigest.contains(memberId), now);
        return decision == null ? null : new Due(memberId, decision);
    }

    private static PendingItem item(Document document) {
        Date createdAt = document.getDate("createdAt");
        return new PendingItem(document.getString("_id"), document.getString("kind"), document.getString("title"),
                document.getString("body"), document.getString("link"),
                createdAt == null ? null : createdAt.toInstant(), document.get("readAt") != null);
    }

    /** Every known member's zone, in one pass; a zone name is parsed once. */
    private Map<String, ZoneId> zones() {
        Query all = new Query().cursorBatchSize(BATCH);
        all.fields().include("timeZone");
        Map<String, ZoneId> parsed = new HashMap<>();
        Map<String, ZoneId> zones = new HashMap<>();
        try (Stream<Document> contacts = mongo.stream(all, Document.class, CONTACTS)) {
            contacts.forEach(contact -> zones.put(contact.getString("_id"),
                    parsed.computeIfAbsent(String.valueOf(contact.getString("timeZone")), MemberZones::of)));
        }
        return zones;
    }

    private Map<String, LocalDate> lastDigests() {
        Map<String, LocalDate> dates = new HashMap<>();
        try (Stream<Document> members = mongo.stream(new Query().cursorBatchSize(BATCH), Document.class,
                DIGEST_MEMBERS)) {
            members.forEach(member -> dates.put(member.getString("_id"),
                    LocalDate.parse(member.getString("lastDigestDate"))));
        }
        return dates;
    }

    /** The member's decision, when due. */
    private record Due(String memberId, DigestRules.Decision decision) {
    }

    private static final class Totals {
        int members;
        int emails;
        long notifications;
        long handOver;
    }

    /** Members whose digests are sent and recorded together. */
    private final class Chunk {

        private final List<Due> due = new ArrayList<>();

        void add(Due member) {
            if (member != null) {
                due.add(member);
            }
        }

        int size() {
            return due.size();
        }

        void complete(Instant now, Totals totals) throws Exception {
            if (due.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            List<EmailRequest> emails = due.stream().map(member -> member.decision().email())
                    .filter(email -> email != null).toList();
            if (!emails.isEmpty()) {
                mail.send(emails);
            }
            List<String> sent = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            BulkOperations dates = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DIGEST_MEMBERS);
            for (Due member : due) {
                sent.addAll(member.decision().sent());
                skipped.addAll(member.decision().skipped());
                dates.upsert(Query.query(Criteria.where("_id").is(member.memberId())),
                        new Update().set("lastDigestDate", member.decision().localDate().toString())
                                .set("updatedAt", now));
            }
            mark(sent, "SENT");
            mark(skipped, "SKIPPED");
            dates.execute();
            totals.members += due.size();
            totals.emails += emails.size();
            totals.notifications += sent.size() + skipped.size();
            totals.handOver += System.nanoTime() - start;
        }

        /**
         * One update per notification by {@code _id} alone, in one bulk write: the embedded server looks that up in
         * its index, whereas any other condition (or {@code $in}) makes it scan. Only the digest run, which the
         * lease keeps to one instance, changes a notification's digest state, so no condition is needed.
         */
        private void mark(List<String> ids, String state) {
            if (ids.isEmpty()) {
                return;
            }
            BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, NOTIFICATIONS);
            ids.forEach(id -> marks.updateOne(Query.query(Criteria.where("_id").is(id)),
                    new Update().set("digest", state)));
            marks.execute();
        }
    }
}
