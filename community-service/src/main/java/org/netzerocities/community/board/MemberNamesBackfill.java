package org.netzerocities.community.board;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.bson.Document;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.OperatorCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The names the member events never announced: accounts that existed before the boards kept {@link MemberNames}
 * (no {@code MemberJoined} will come for them again), and operators, created without any event.
 * <p>
 * Once per {@link #VERSION} of the index, after start-up and off the readiness path, one pass over the members
 * (one cursor, only the id, the display name and the erasure marker; erased stubs are left out by the query)
 * names every member in {@link MemberNames}. Only after the whole pass is the {@value #MARKER} document in
 * {@value #BUILDS} written; an instance that finds it skips the pass. Every write is an idempotent upsert, so two
 * instances building at once, or a pass that crashed half-way and runs again at the next start, leave the same
 * index.
 * <p>
 * The pass reads a member, then writes, while the member events are handled concurrently: a member erased or
 * renamed between the read and the write would have their handler's correction overwritten by the pass's stale
 * name. So each write is <b>checked after it is made</b>: the member is read again by id and, if erased meanwhile,
 * forgotten; if renamed, named again. This closes the race because an erasure or rename is stored before its
 * event is published: one stored after that second read has its handler run after the pass's write, and wins.
 * (A stale entry could never mention anyone anyway, {@link MemberNames#displayNames} reads current names, but it
 * must not linger in the index.)
 */
@Component
class MemberNamesBackfill {

    static final String BUILDS = "board_name_builds";
    static final String MARKER = "member-names";
    /** Raise it when {@link Mentions#key} changes: the next start rebuilds every member's entry under the new key. */
    static final int VERSION = 1;
    private static final String VERSION_FIELD = "version";
    /** Writes checked again for one member before leaving them to their events: renamed this often in a moment. */
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(MemberNamesBackfill.class);

    private final MongoTemplate mongo;
    private final MemberNames names;
    private final Clock clock;

    MemberNamesBackfill(MongoTemplate mongo, MemberNames names, Clock clock) {
        this.mongo = mongo;
        this.names = names;
        this.clock = clock;
    }

    /** On its own thread: the service is ready (and mentions work for everyone the events named) meanwhile. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Thread thread = new Thread(this::buildUntilDone, "member-names-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /** An operator has no {@code MemberJoined}; named at once rather than at the next start's pass. */
    @EventListener
    void onOperatorCreated(OperatorCreated created) {
        names.named(created.memberId(), created.displayName());
        log.info("Operator {} named for mentions", created.memberId());
    }

    /** Builds the index unless it is built for this version; returns whether this call built it. */
    boolean buildIfNeeded() {
        Document marker = mongo.findById(MARKER, Document.class, BUILDS);
        if (marker != null && marker.getInteger(VERSION_FIELD, 0) >= VERSION) {
            return false;
        }
        int named = build();
        mongo.upsert(Query.query(Criteria.where("_id").is(MARKER)),
                Update.update(VERSION_FIELD, VERSION).set("builtAt", clock.instant()), BUILDS);
        log.info("Mention names built from the members: {} named, version {}", named, VERSION);
        return true;
    }

    /** The member, read by the pass with {@code displayName}, goes by it unless erased or renamed since. */
    void name(String memberId, String displayName) {
        String written = displayName;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            names.named(memberId, written);
            Document now = mongo.findOne(current(memberId), Document.class, Member.COLLECTION);
            if (now == null || now.get(Member.ERASED_AT) != null || now.getString(Member.DISPLAY_NAME) == null) {
                names.forget(memberId);
                return;
            }
            if (Objects.equals(Mentions.key(now.getString(Member.DISPLAY_NAME)), Mentions.key(written))) {
                return;
            }
            written = now.getString(Member.DISPLAY_NAME);
        }
        log.info("Member {} renamed throughout the name backfill: left to their profile events", memberId);
    }

    private int build() {
        Query live = Query.query(Criteria.where(Member.ERASED_AT).is(null).and(Member.DISPLAY_NAME).ne(null));
        live.fields().include(Member.DISPLAY_NAME, Member.ERASED_AT);
        AtomicInteger named = new AtomicInteger();
        try (Stream<Document> members = mongo.stream(live, Document.class, Member.COLLECTION)) {
            members.forEach(member -> {
                name(member.getString("_id"), member.getString(Member.DISPLAY_NAME));
                named.incrementAndGet();
            });
        }
        return named.get();
    }

    private static Query current(String memberId) {
        Query query = Query.query(Criteria.where("_id").is(memberId));
        query.fields().include(Member.DISPLAY_NAME, Member.ERASED_AT);
        return query;
    }

    private void buildUntilDone() {
        while (true) {
            try {
                buildIfNeeded();
                return;
            }
            catch (RuntimeException ex) {
                log.warn("Mention names backfill failed, retried in {}: {}", RETRY, ex.toString());
            }
            try {
                Thread.sleep(RETRY.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
