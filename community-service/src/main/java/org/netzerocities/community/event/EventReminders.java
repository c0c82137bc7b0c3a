package org.netzerocities.community.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.events.outbox.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes {@code EventReminderDue} for each confirmed registrant once an event starts within the lead time.
 * Each instance looks now and then ({@code reminder-scan-interval}) for scheduled events starting within the lead
 * whose reminders are not sent: one indexed query over upcoming events. An event's reminders are claimed and
 * stored in its outbox in one update, conditional on the event's version and on {@code remindersSentAt} being
 * unset: of two instances only one claims it, and the reminders go to exactly the registrants it read. A claim
 * lost to another change is retried at the next look. Members who register (or are promoted) after the reminders
 * went out get none: their confirmation is recent news.
 */
class EventReminders {

    private static final Logger log = LoggerFactory.getLogger(EventReminders.class);
    /** Events claimed per look; the next look takes the rest. */
    private static final int BATCH = 50;

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration lead;

    EventReminders(MongoTemplate mongo, EventFactory events, OutboxRelay relay, Clock clock, Duration lead) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
        this.lead = lead;
    }

    /** Sends the reminders that are due; returns how many events this instance claimed. */
    int sendDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Query due = Query.query(Criteria.where(CommunityEvent.STATUS).is(CommunityEvent.Status.SCHEDULED)
                .and(CommunityEvent.REMINDERS_SENT_AT).is(null)
                .and(CommunityEvent.STARTS_AT).gt(now).lte(now.plus(lead)))
                .with(Sort.by(CommunityEvent.STARTS_AT)).limit(BATCH);
        due.fields().exclude(OutboxAggregate.OUTBOX_FIELD);
        int claimed = 0;
        for (CommunityEvent event : mongo.find(due, CommunityEvent.class)) {
            if (claim(event, now)) {
                claimed++;
            }
        }
        return claimed;
    }

    private boolean claim(CommunityEvent event, Instant now) {
        List<PendingEvent> reminders = event.reminders(events);
        Query unchanged = Query.query(Criteria.where("_id").is(event.id())
                .and(CommunityEvent.VERSION).is(event.version())
                .and(CommunityEvent.STATUS).is(CommunityEvent.Status.SCHEDULED)
                .and(CommunityEvent.REMINDERS_SENT_AT).is(null));
        Update claim = new Update().set(CommunityEvent.REMINDERS_SENT_AT, now).inc(CommunityEvent.VERSION, 1);
        if (!reminders.isEmpty()) {
            claim.push(OutboxAggregate.OUTBOX_FIELD).each(reminders.toArray());
        }
        if (mongo.updateFirst(unchanged, claim, CommunityEvent.class).getModifiedCount() == 0) {
            return false;
        }
        relay.wake(CommunityEvent.COLLECTION, event.id());
        log.info("Reminders of event {} sent to {} registrants", event.id(), reminders.size());
        return true;
    }
}
