package org.netzerocities.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.delivery.EmailRequest;
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

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Emails waiting for another attempt (their member's contact has not arrived, or the SMTP server failed for now),
 * kept aside so that they do not hold up the emails behind them on the topic. Each instance's retry loop takes the
 * due ones; an attempt is claimed by a conditional update of its due time, so two instances never try the same
 * email at once (and the {@code DeliveryLog} would stop a second send anyway). Attempts back off exponentially;
 * past its deadline an email is abandoned: its content is dropped and the abandonment recorded and counted.
 */
class EmailRetries {

    static final String COLLECTION = "email_retries";

    enum Reason {
        CONTACT_MISSING, SMTP_TRANSIENT
    }

    private static final Logger log = LoggerFactory.getLogger(EmailRetries.class);
    private static final String WAITING = "WAITING";
    private static final String ABANDONED = "ABANDONED";
    /** How long an attempt owns an email; a longer SMTP call than this is a crashed instance. */
    private static final Duration ATTEMPT_LEASE = Duration.ofMinutes(5);
    /** How long an abandoned email's record stays for operators. */
    private static final Duration ABANDONED_KEPT = Duration.ofDays(30);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final NotificationEmails emails;
    private final MemberContactRepository contacts;
    private final JsonMapper json;
    private final EmailSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    EmailRetries(MongoTemplate mongo, NotificationEmails emails, MemberContactRepository contacts, JsonMapper json,
            EmailSettings settings, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.emails = emails;
        this.contacts = contacts;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expiry"));
    }

    /** Tries the request, and keeps it for a later attempt if it cannot be sent yet. */
    void send(EmailRequest request) {
        switch (emails.send(request)) {
            case WAIT_FOR_CONTACT -> defer(request, Reason.CONTACT_MISSING);
            case RETRY -> defer(request, Reason.SMTP_TRANSIENT);
            case DONE -> {
            }
        }
    }

    /** Keeps the request for a retry; a request already waiting (a redelivery) keeps its schedule. */
    private void defer(EmailRequest request, Reason reason) {
        Instant now = clock.instant();
        Duration deadline = reason == Reason.CONTACT_MISSING ? settings.contactWait() : settings.giveUpAfter();
        mongo.upsert(Query.query(Criteria.where("_id").is(request.id())), new Update()
                .setOnInsert("memberId", request.memberId())
                .setOnInsert("request", json.writeValueAsString(request))
                .setOnInsert("state", WAITING)
                .setOnInsert("attempts", 1)
                .setOnInsert("deferredAt", now)
                .setOnInsert("nextAttemptAt", now.plus(settings.backoff(1)))
                .setOnInsert("giveUpAt", now.plus(deadline))
                .set("reason", reason.name()), COLLECTION);
        log.info("Email {} kept for a retry: {}", request.id(), reason);
    }

    /**
     * One pass of the retry loop over the due emails, oldest first. Whose member still has no address is found in
     * one read of the contacts and rescheduled in one bulk write, without an attempt; the others are claimed and
     * tried one by one. A transient SMTP failure ends the pass: the server is likely failing for every email, so the
     * rest wait for the next pass rather than each failing in turn.
     */
    void retryDue() {
        Instant now = clock.instant();
        List<Document> due = mongo.find(Query.query(Criteria.where("state").is(WAITING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(BATCH), Document.class, COLLECTION);
        if (due.isEmpty()) {
            return;
        }
        Set<String> reachable = membersWithAnAddress(due);
        BulkOperations stillWaiting = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        List<Document> unreachable = due.stream().filter(waiting -> !reachable.contains(waiting.getString("memberId")))
                .toList();
        for (Document waiting : unreachable) {
            stillWaiting.updateOne(Query.query(Criteria.where("_id").is(waiting.get("_id")).and("state").is(WAITING)
                    .and("nextAttemptAt").is(waiting.get("nextAttemptAt"))),
                    nextStep(waiting, Reason.CONTACT_MISSING, now));
        }
        if (!unreachable.isEmpty()) {
            stillWaiting.execute();
        }
        for (Document waiting : due) {
            if (reachable.contains(waiting.getString("memberId")) && claim(waiting, now)
                    && retry(waiting) == NotificationEmails.Next.RETRY) {
                break;
            }
        }
    }

    private Set<String> membersWithAnAddress(List<Document> due) {
        Set<String> memberIds = due.stream().map(waiting -> waiting.getString("memberId")).collect(Collectors.toSet());
        Set<String> reachable = new HashSet<>();
        contacts.findAllById(memberIds).forEach(contact -> {
            if (contact.email() != null && !contact.email().isBlank()) {
                reachable.add(contact.memberId());
            }
        });
        return reachable;
    }

    private boolean claim(Document waiting, Instant now) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(waiting.get("_id")).and("state").is(WAITING)
                .and("nextAttemptAt").is(waiting.get("nextAttemptAt"))),
                new Update().set("nextAttemptAt", now.plus(ATTEMPT_LEASE)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION) != null;
    }

    private NotificationEmails.Next retry(Document waiting) {
        Object id = waiting.get("_id");
        Query byId = Query.query(Criteria.where("_id").is(id));
        NotificationEmails.Next next;
        try {
            next = emails.send(json.readValue(waiting.getString("request"), EmailRequest.class));
        }
        catch (RuntimeException ex) {
            // e.g. the database failing under the attempt: the email stays waiting, tried again next time
            log.warn("Retry of email {} failed: {}", id, ex.getClass().getSimpleName());
            next = NotificationEmails.Next.RETRY;
        }
        if (next == NotificationEmails.Next.DONE) {
            mongo.remove(byId, COLLECTION);
        }
        else {
            mongo.updateFirst(byId, nextStep(waiting, next == NotificationEmails.Next.WAIT_FOR_CONTACT
                    ? Reason.CONTACT_MISSING : Reason.SMTP_TRANSIENT, clock.instant()), COLLECTION);
        }
        return next;
    }

    /** Another attempt after a longer wait, or, past the deadline, abandonment: the content is dropped. */
    private Update nextStep(Document waiting, Reason reason, Instant now) {
        Object id = waiting.get("_id");
        int attempts = waiting.getInteger("attempts", 1);
        if (!now.isBefore(waiting.getDate("giveUpAt").toInstant())) {
            meters.counter("nzc.notifications.emails.abandoned", "reason", reason.name()).increment();
            log.warn("Email {} abandoned after {} attempts: {}", id, attempts, reason);
            return new Update().set("state", ABANDONED).set("reason", reason.name()).set("abandonedAt", now)
                    .set("expiresAt", now.plus(ABANDONED_KEPT)).unset("request").unset("nextAttemptAt");
        }
        return new Update().set("attempts", attempts + 1).set("reason", reason.name())
                .set("nextAttemptAt", now.plus(settings.backoff(attempts + 1)));
    }

    /** The member was erased: nothing of theirs waits any more. */
    void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), COLLECTION);
    }
}
