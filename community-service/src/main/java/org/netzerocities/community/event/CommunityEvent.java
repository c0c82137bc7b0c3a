package org.netzerocities.community.event;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.EventCancelled;
import org.netzerocities.events.contract.community.EventRegistrationChanged;
import org.netzerocities.events.contract.community.EventReminderDue;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.community.EventUpdated;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event in the community calendar with its registrations, in registration order (the waitlist's order).
 * {@link #freeSeats} and {@link #waitlisted} are kept next to the list so that a registration is one conditional
 * update ({@code freeSeats > 0} takes a seat): two members racing for the last seat on two instances cannot both
 * get it. Changes that read the whole event (withdrawals with promotion, updates, cancellation) save it under its
 * {@link #version}, which every write raises.
 */
@Document(CommunityEvent.COLLECTION)
@CompoundIndex(name = "city_ends", def = "{'city': 1, 'endsAt': 1, 'startsAt': 1}")
@CompoundIndex(name = "ends_starts", def = "{'endsAt': 1, 'startsAt': 1}")
@CompoundIndex(name = "reminders_due", def = "{'status': 1, 'remindersSentAt': 1, 'startsAt': 1}")
@CompoundIndex(name = "registrant", def = "{'registrations.memberId': 1}")
@CompoundIndex(name = "organiser", def = "{'organiserId': 1}")
class CommunityEvent implements OutboxAggregate {

    static final String COLLECTION = "community_events";
    static final String CITY = "city";
    static final String TOPICS = "topics";
    static final String LANGUAGE = "language";
    static final String STARTS_AT = "startsAt";
    static final String ENDS_AT = "endsAt";
    static final String STATUS = "status";
    static final String ORGANISER_ID = "organiserId";
    static final String REGISTRATIONS = "registrations";
    static final String FREE_SEATS = "freeSeats";
    static final String WAITLISTED = "waitlisted";
    static final String REMINDERS_SENT_AT = "remindersSentAt";
    static final String VERSION = "version";
    /** How many may wait for a seat: beyond that a seat is too unlikely to be worth the wait. */
    static final int MAX_WAITLIST = 1000;

    enum Status {
        SCHEDULED, CANCELLED
    }

    @Id
    private final String id;
    private String title;
    private String description;
    private EventFormat format;
    private final String city;
    private String address;
    private String onlineUrl;
    private Instant startsAt;
    private Instant endsAt;
    private String timeZone;
    private int capacity;
    private String language;
    private List<String> topics;
    /** Null once the organiser's account was erased. */
    private String organiserId;
    private final String groupId;
    private Status status;
    private String cancellationReason;
    /** The iCalendar SEQUENCE: raised by every change attendees should see. */
    private int sequence;
    private final Instant createdAt;
    private Instant updatedAt;
    private List<Registration> registrations;
    private int freeSeats;
    private int waitlisted;
    /** Set by the one instance that claimed this event's reminders. */
    private Instant remindersSentAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    CommunityEvent(String id, String title, String description, EventFormat format, String city, String address,
            String onlineUrl, Instant startsAt, Instant endsAt, String timeZone, int capacity, String language,
            List<String> topics, String organiserId, String groupId, Status status, String cancellationReason,
            int sequence, Instant createdAt, Instant updatedAt, List<Registration> registrations, int freeSeats,
            int waitlisted, Instant remindersSentAt, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.format = format;
        this.city = city;
        this.address = address;
        this.onlineUrl = onlineUrl;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.timeZone = timeZone;
        this.capacity = capacity;
        this.language = language;
        this.topics = topics == null ? List.of() : List.copyOf(topics);
        this.organiserId = organiserId;
        this.groupId = groupId;
        this.status = status;
        this.cancellationReason = cancellationReason;
        this.sequence = sequence;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        // lists read without their registrations (a calendar page) come as null
        this.registrations = registrations == null ? new ArrayList<>() : new ArrayList<>(registrations);
        this.freeSeats = freeSeats;
        this.waitlisted = waitlisted;
        this.remindersSentAt = remindersSentAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new event in the calendar, announced with {@code EventScheduled}. */
    static CommunityEvent schedule(String id, String city, EventDetails details, String organiserId, String groupId,
            Instant now, EventFactory events) {
        var event = new CommunityEvent(id, null, null, null, city, null, null, null, null, null, 0, null, List.of(),
                organiserId, groupId, Status.SCHEDULED, null, 0, now, now, List.of(), details.capacity(), 0, null, null,
                List.of());
        event.apply(details);
        event.outbox.add(events.create(EventCatalog.EVENT_SCHEDULED, id, new EventScheduled(id, event.title, city,
                event.format.name(), event.startsAt, event.endsAt, event.timeZone, event.language, event.topics,
                organiserId, groupId)));
        return event;
    }

    /**
     * Changes what the organiser says about the event; raises the sequence and tells the registrants with
     * {@code EventUpdated}. Seats a larger capacity adds go to the waitlist, first come first served. A capacity
     * below the confirmed registrations is refused rather than taking seats back. A new start re-arms the
     * reminders.
     *
     * @return whether anything changed
     * @throws ApiProblem 409 for a cancelled or started event, or a capacity below the confirmed registrations
     */
    boolean update(EventDetails details, Instant now, EventFactory events) {
        requireOpen(now);
        if (details.equals(details())) {
            return false;
        }
        int confirmed = confirmed();
        if (details.capacity() < confirmed) {
            throw ApiProblem.conflict("capacity-below-confirmed", confirmed + " members hold a seat: the capacity "
                    + "cannot be lower (ask some to withdraw, or cancel the event)");
        }
        if (!details.times().startsAt().equals(startsAt)) {
            remindersSentAt = null;
        }
        apply(details);
        freeSeats = capacity - confirmed;
        promote(now, events);
        sequence++;
        updatedAt = now;
        outbox.add(events.create(EventCatalog.EVENT_UPDATED, id, new EventUpdated(id, title, city, format.name(),
                startsAt, endsAt, timeZone, language, topics, organiserId, groupId, sequence, registrantIds())));
        return true;
    }

    /**
     * Cancels the event: it stays in calendars marked cancelled, with a raised sequence, and its registrants are
     * told with {@code EventCancelled}.
     *
     * @throws ApiProblem 409 when cancelled already or over
     */
    void cancel(String reason, Instant now, EventFactory events) {
        if (status == Status.CANCELLED) {
            throw ApiProblem.conflict("event-cancelled", "This event was cancelled already");
        }
        if (!endsAt.isAfter(now)) {
            throw ApiProblem.conflict("event-over", "This event is over");
        }
        status = Status.CANCELLED;
        cancellationReason = reason;
        sequence++;
        updatedAt = now;
        outbox.add(events.create(EventCatalog.EVENT_CANCELLED, id,
                new EventCancelled(id, title, startsAt, reason, registrantIds())));
    }

    /**
     * Registers the member: a seat while there is one, else a place at the end of the waitlist; announced with
     * {@code EventRegistrationChanged}. The caller persists it with an update conditional on the seats it read, so
     * that it holds only if no one took the last seat meanwhile.
     *
     * @throws ApiProblem 409 when the event is cancelled or started, or its waitlist is full
     */
    Registration register(String memberId, Instant now, EventFactory events) {
        requireOpen(now);
        Registration registration;
        if (freeSeats > 0) {
            registration = Registration.confirmed(memberId, now);
            freeSeats--;
        }
        else if (waitlisted < MAX_WAITLIST) {
            registration = Registration.waitlisted(memberId, now);
            waitlisted++;
        }
        else {
            throw ApiProblem.conflict("waitlist-full", "This event is full and so is its waitlist");
        }
        registrations.add(registration);
        announce(memberId, registration.status().name(), events);
        return registration;
    }

    /**
     * The member gives up their registration. A seat they leave goes to the first on the waitlist (PROMOTED); both
     * are announced. Cancelled and past events keep their registrations as they were.
     *
     * @return whether the member was registered
     * @throws ApiProblem 409 when the event is cancelled or started
     */
    boolean withdraw(String memberId, Instant now, EventFactory events) {
        Optional<Registration> registration = registrationOf(memberId);
        if (registration.isEmpty()) {
            return false;
        }
        requireOpen(now);
        remove(registration.get());
        announce(memberId, "CANCELLED", events);
        promote(now, events);
        return true;
    }

    /**
     * Forgets an erased member: their registration goes (promoting the waitlist while the event is still to come),
     * and an event they organised keeps no link to them; one still to come is cancelled, since no one is left to
     * run it.
     *
     * @return whether anything changed
     */
    boolean forget(String memberId, Instant now, EventFactory events) {
        boolean changed = false;
        Optional<Registration> registration = registrationOf(memberId);
        if (registration.isPresent()) {
            if (status == Status.SCHEDULED && startsAt.isAfter(now)) {
                withdraw(memberId, now, events);
            }
            else {
                remove(registration.get());
            }
            changed = true;
        }
        if (memberId.equals(organiserId)) {
            organiserId = null;
            if (status == Status.SCHEDULED && endsAt.isAfter(now)) {
                cancel("The organiser left the platform", now, events);
            }
            changed = true;
        }
        return changed;
    }

    /** The reminders for every confirmed registrant, to be claimed at once with {@link #remindersSentAt}. */
    List<PendingEvent> reminders(EventFactory events) {
        return registrations.stream().filter(Registration::isConfirmed)
                .map(registration -> events.create(EventCatalog.EVENT_REMINDER_DUE, id, new EventReminderDue(id,
                        registration.memberId(), title, startsAt, timeZone)))
                .toList();
    }

    /** The latest event added to the outbox: what a conditional update stores with its change. */
    PendingEvent lastEvent() {
        return outbox.get(outbox.size() - 1);
    }

    Optional<Registration> registrationOf(String memberId) {
        return registrations.stream().filter(r -> r.memberId().equals(memberId)).findFirst();
    }

    /** 1 for the first on the waitlist; empty for a member with a seat or none. */
    Optional<Integer> waitlistPosition(String memberId) {
        int position = 0;
        for (Registration registration : registrations) {
            if (!registration.isConfirmed()) {
                position++;
                if (registration.memberId().equals(memberId)) {
                    return Optional.of(position);
                }
            }
        }
        return Optional.empty();
    }

    List<String> registrantIds() {
        return registrations.stream().map(Registration::memberId).toList();
    }

    boolean organisedBy(String memberId) {
        return memberId.equals(organiserId);
    }

    private void remove(Registration registration) {
        registrations.remove(registration);
        if (registration.isConfirmed()) {
            freeSeats++;
        }
        else {
            waitlisted--;
        }
    }

    /** Moves waitlisted members to free seats, first registered first. */
    private void promote(Instant now, EventFactory events) {
        for (int i = 0; i < registrations.size() && freeSeats > 0; i++) {
            Registration registration = registrations.get(i);
            if (!registration.isConfirmed()) {
                registrations.set(i, registration.promoted(now));
                freeSeats--;
                waitlisted--;
                announce(registration.memberId(), "PROMOTED", events);
            }
        }
    }

    private void announce(String memberId, String registrationStatus, EventFactory events) {
        outbox.add(events.create(EventCatalog.EVENT_REGISTRATION_CHANGED, id,
                new EventRegistrationChanged(id, title, startsAt, memberId, registrationStatus)));
    }

    private void requireOpen(Instant now) {
        if (status == Status.CANCELLED) {
            throw ApiProblem.conflict("event-cancelled", "This event was cancelled");
        }
        if (!startsAt.isAfter(now)) {
            throw ApiProblem.conflict("event-started", "This event has started already");
        }
    }

    private void apply(EventDetails details) {
        title = details.title();
        description = details.description();
        format = details.format();
        address = details.address();
        onlineUrl = details.onlineUrl();
        startsAt = details.times().startsAt();
        endsAt = details.times().endsAt();
        timeZone = details.times().zone().getId();
        capacity = details.capacity();
        language = details.language();
        topics = details.topics();
    }

    EventDetails details() {
        return new EventDetails(title, description, format, address, onlineUrl, times(), capacity, language, topics);
    }

    EventTimes times() {
        return new EventTimes(startsAt, endsAt, ZoneId.of(timeZone));
    }

    /** From the counters, so that it is right for events read without their registrations too. */
    int confirmed() {
        return capacity - freeSeats;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    EventFormat format() {
        return format;
    }

    String city() {
        return city;
    }

    String address() {
        return address;
    }

    String onlineUrl() {
        return onlineUrl;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    int capacity() {
        return capacity;
    }

    String language() {
        return language;
    }

    List<String> topics() {
        return topics;
    }

    String organiserId() {
        return organiserId;
    }

    String groupId() {
        return groupId;
    }

    Status status() {
        return status;
    }

    String cancellationReason() {
        return cancellationReason;
    }

    int sequence() {
        return sequence;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    int freeSeats() {
        return freeSeats;
    }

    int waitlisted() {
        return waitlisted;
    }

    List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    Instant remindersSentAt() {
        return remindersSentAt;
    }

    Long version() {
        return version;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
