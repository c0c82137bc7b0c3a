package org.netzerocities.community.call;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.CallToJoinLaunched;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A city's local call to join. Written whole only once, at launch, with its {@code CallToJoinLaunched}; later
 * changes (joins counted, launcher anonymised) are single-field updates, never a save of the whole document,
 * so neither undoes the other nor the relay's removal of sent events.
 */
@Document(CallToJoin.COLLECTION)
@CompoundIndex(name = "city_launched", def = "{'city': 1, 'launchedAt': -1}")
class CallToJoin implements OutboxAggregate {

    static final String COLLECTION = "calls";

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String code;
    private final String city;
    private final String title;
    private final String message;
    private final List<String> topics;
    private final Instant closesAt;
    /** Null once the launcher's account is erased: the call belongs to the city and stays. */
    @Indexed(sparse = true)
    private final String launchedBy;
    private final Instant launchedAt;
    private final long joins;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    CallToJoin(String id, String code, String city, String title, String message, List<String> topics,
            Instant closesAt, String launchedBy, Instant launchedAt, long joins, Long version,
            List<PendingEvent> outbox) {
        this.id = id;
        this.code = code;
        this.city = city;
        this.title = title;
        this.message = message;
        this.topics = topics == null ? List.of() : List.copyOf(topics);
        this.closesAt = closesAt;
        this.launchedBy = launchedBy;
        this.launchedAt = launchedAt;
        this.joins = joins;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new call and its {@code CallToJoinLaunched}, to be written together. */
    static CallToJoin launch(String id, String code, NewCall details, String launchedBy, Instant now,
            EventFactory events) {
        requireValidClosingDate(details.closesAt(), now);
        CallToJoin call = new CallToJoin(id, code, details.city(), details.title(), details.message(),
                details.topics(), details.closesAt(), launchedBy, now, 0, null, List.of());
        call.outbox.add(events.create(EventCatalog.CALL_TO_JOIN_LAUNCHED, id, new CallToJoinLaunched(id, code,
                call.city, call.title, call.topics, call.closesAt, launchedBy, now)));
        return call;
    }

    /**
     * A call must close in the future, and within a year: a call open for longer is not a call to act.
     *
     * @throws ApiProblem 400 on {@code closesAt} otherwise
     */
    static void requireValidClosingDate(Instant closesAt, Instant now) {
        if (!closesAt.isAfter(now)) {
            throw ApiProblem.invalid("closesAt", "must be in the future");
        }
        if (closesAt.isAfter(latestClosingDate(now))) {
            throw ApiProblem.invalid("closesAt", "must be at most one year ahead");
        }
    }

    static Instant latestClosingDate(Instant now) {
        return now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    }

    /** Open until its closing instant, excluded. */
    boolean isOpenAt(Instant now) {
        return now.isBefore(closesAt);
    }

    String id() {
        return id;
    }

    String code() {
        return code;
    }

    String city() {
        return city;
    }

    String title() {
        return title;
    }

    String message() {
        return message;
    }

    List<String> topics() {
        return topics;
    }

    Instant closesAt() {
        return closesAt;
    }

    String launchedBy() {
        return launchedBy;
    }

    Instant launchedAt() {
        return launchedAt;
    }

    long joins() {
        return joins;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    /** What the launcher asks for, already validated and normalised. */
    record NewCall(String city, String title, String message, List<String> topics, Instant closesAt) {
    }
}
