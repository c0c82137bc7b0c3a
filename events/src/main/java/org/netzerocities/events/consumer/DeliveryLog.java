package org.netzerocities.events.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Effects outside the database (an email, a post to Instagram) at most once: a delivery record with a
 * deterministic id is written in state {@code PENDING} before calling out and set to {@code SENT} after.
 * A crash in between leaves it {@code PENDING}; the next attempt then marks it {@code UNKNOWN} for an
 * operator to look at, rather than sending a second time. A call that fails leaves {@code FAILED}, which
 * a later attempt may retry.
 */
public class DeliveryLog {

    static final String COLLECTION = "deliveries";
    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

    public enum State {
        PENDING, SENT, FAILED, UNKNOWN
    }

    public enum Outcome {
        /** Called out now and it succeeded. */
        SENT,
        /** An earlier attempt already succeeded. */
        ALREADY_SENT,
        /** Another consumer is calling out right now. */
        IN_PROGRESS,
        /** An earlier attempt stopped midway; whether it reached the outside is unknown. */
        UNKNOWN
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration inFlightLimit;

    /**
     * @param inFlightLimit how long a call out may take; a {@code PENDING} record older than this was left
     *                      by a crash
     */
    public DeliveryLog(MongoTemplate mongo, Clock clock, Duration inFlightLimit) {
        this.mongo = mongo;
        this.clock = clock;
        this.inFlightLimit = inFlightLimit;
    }

    /**
     * Calls {@code send} unless delivery {@code id} has been made or attempted; {@code send} returns a
     * reference of what it did (a message id, a permalink) kept with the record.
     *
     * @throws RuntimeException what {@code send} threw, after recording {@code FAILED}
     */
    public Outcome deliverOnce(String id, String channel, Supplier<String> send) {
        if (!claim(id, channel)) {
            return outcomeOfEarlierAttempt(id);
        }
        String reference;
        try {
            reference = send.get();
        }
        catch (RuntimeException ex) {
            set(id, State.FAILED, String.valueOf(ex.getMessage()));
            throw ex;
        }
        set(id, State.SENT, reference);
        return Outcome.SENT;
    }

    public State state(String id) {
        Document record = mongo.findById(id, Document.class, COLLECTION);
        return record == null ? null : State.valueOf(record.getString("state"));
    }

    /** Inserts the record as PENDING, or takes over a FAILED one; false when another attempt owns it. */
    private boolean claim(String id, String channel) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", id).append("channel", channel).append("state", State.PENDING.name())
                    .append("attempts", 1).append("createdAt", now).append("updatedAt", now), COLLECTION);
            return true;
        }
        catch (DuplicateKeyException exists) {
            Document retried = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id).and("state").is(State.FAILED.name())),
                    new Update().set("state", State.PENDING.name()).set("updatedAt", now).inc("attempts", 1),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            return retried != null;
        }
    }

    private Outcome outcomeOfEarlierAttempt(String id) {
        Document record = mongo.findById(id, Document.class, COLLECTION);
        State state = State.valueOf(record.getString("state"));
        if (state == State.SENT) {
            return Outcome.ALREADY_SENT;
        }
        if (state == State.PENDING && record.getDate("updatedAt").toInstant().plus(inFlightLimit)
                .isAfter(clock.instant())) {
            return Outcome.IN_PROGRESS;
        }
        if (state == State.PENDING) {
            log.warn("Delivery {} was interrupted midway: marked UNKNOWN, not sent again", id);
            set(id, State.UNKNOWN, "interrupted before the outcome was recorded");
        }
        return Outcome.UNKNOWN;
    }

    private void set(String id, State state, String detail) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("state", state.name()).set("detail", detail).set("updatedAt", clock.instant()),
                COLLECTION);
    }
}
