package org.netzerocities.community.event;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;
import org.netzerocities.support.caller.GlobalRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * The event calendar: organisers schedule, change and cancel events; members register and withdraw. A
 * registration is one update conditional on the seats it counted; everything else saves the event under its
 * version and, losing a race, reads it again.
 */
@Service
class CommunityEvents {

    private static final Logger log = LoggerFactory.getLogger(CommunityEvents.class);
    /**
     * A registration is retried only when the seats changed between its read and its write; far fewer rounds
     * than this settle even a rush on the last seats.
     */
    private static final int REGISTRATION_ATTEMPTS = 100;

    private final MongoTemplate mongo;
    private final CityCatalog cities;
    private final OrganiserGroups groups;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;

    CommunityEvents(MongoTemplate mongo, CityCatalog cities, OrganiserGroups groups, EventFactory events,
            OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.cities = cities;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
        this.relay = relay;
    }

    /**
     * Schedules an event organised by the caller.
     *
     * @throws ApiProblem 400 for an unknown city, bad times or a format without its address or link; 403 unless
     *                    a frontrunner or transition team member of the city, a facilitator or an admin
     */
    CommunityEvent schedule(NewEvent body, Caller caller) {
        if (!cities.exists(body.city())) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        if (!mayOrganise(caller, body.city())) {
            throw ApiProblem.forbidden("Only frontrunners and the transition team of " + body.city()
                    + ", facilitators and admins schedule events there");
        }
        Instant now = now();
        EventDetails details = new EventDetails(body.title(), body.description(), body.format(), body.address(),
                body.onlineUrl(), EventTimes.parse(body.startsAt(), body.endsAt(), body.timeZone(), now),
                body.capacity(), body.language(), distinct(body.topics()));
        groups.check(body.groupId(), caller);
        CommunityEvent event = mongo.insert(CommunityEvent.schedule(UUID.randomUUID().toString(), body.city(), details,
                caller.memberId(), body.groupId(), now, events));
        log.info("Event {} scheduled in {} by member {}", event.id(), event.city(), caller.memberId());
        return event;
    }

    CommunityEvent get(String id) {
        CommunityEvent event = mongo.findById(id, CommunityEvent.class);
        if (event == null) {
            throw ApiProblem.notFound("Event " + id);
        }
        return event;
    }

    /**
     * Events not over by {@code from} and starting by {@code to}, soonest first; cancelled ones included, marked
     * by their status. Read without their registrations.
     */
    PageResponse<EventView> list(EventFilter filter, Pageable page) {
        Query query = filter.query();
        long total = mongo.count(query, CommunityEvent.class);
        query.with(page).with(Sort.by(CommunityEvent.STARTS_AT).and(Sort.by("_id")));
        query.fields().exclude(CommunityEvent.REGISTRATIONS, OutboxAggregate.OUTBOX_FIELD);
        List<EventView> items = mongo.find(query, CommunityEvent.class).stream().map(EventView::of).toList();
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
    }

    /**
     * Applies the organiser's changes.
     *
     * @throws ApiProblem 404 unknown event, 403 neither its organiser nor an admin, 400 bad values, 409 cancelled,
     *                    started, or a capacity below the confirmed registrations
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    CommunityEvent update(String id, EventPatch patch, Caller caller) {
        CommunityEvent event = managed(id, caller);
        Instant now = now();
        EventDetails current = event.details();
        String zone = patch.timeZone() != null ? patch.timeZone() : current.times().zone().getId();
        boolean retimed = patch.startsAt() != null || patch.endsAt() != null || patch.timeZone() != null;
        EventTimes times = retimed
                ? EventTimes.parse(patch.startsAt() != null ? patch.startsAt() : local(current.times(), true),
                        patch.endsAt() != null ? patch.endsAt() : local(current.times(), false), zone, now)
                : current.times();
        EventFormat format = or(patch.format(), current.format());
        EventDetails changed = new EventDetails(or(patch.title(), current.title()),
                or(patch.description(), current.description()), format,
                or(patch.address(), current.address()), or(patch.onlineUrl(), current.onlineUrl()), times,
                or(patch.capacity(), current.capacity()), or(patch.language(), current.language()),
                patch.topics() != null ? distinct(patch.topics()) : current.topics());
        if (event.update(changed, now, events)) {
            event = mongo.save(event);
            log.info("Event {} updated by member {} (sequence {})", id, caller.memberId(), event.sequence());
        }
        return event;
    }

    /** @throws ApiProblem 404 unknown event, 403 neither its organiser nor an admin, 409 cancelled already or over */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    CommunityEvent cancel(String id, String reason, Caller caller) {
        CommunityEvent event = managed(id, caller);
        event.cancel(reason.strip(), now(), events);
        event = mongo.save(event);
        log.info("Event {} cancelled by member {}", id, caller.memberId());
        return event;
    }

    /**
     * Registers the member, with a seat while one is free, else on the waitlist. Registering again returns the
     * registration the member has. The write succeeds only if the seats are as they were read ({@code freeSeats >
     * 0} for a seat, none free for the waitlist) and the member is not registered yet, so concurrent registrations
     * on any number of instances never give out more seats than there are.
     *
     * @return the registration, and whether it was made now
     * @throws ApiProblem 404 unknown event, 409 cancelled or started, or its waitlist full
     */
    Registered register(String id, String memberId) {
        for (int attempt = 0; attempt < REGISTRATION_ATTEMPTS; attempt++) {
            CommunityEvent event = get(id);
            Optional<Registration> existing = event.registrationOf(memberId);
            if (existing.isPresent()) {
                return new Registered(RegistrationView.of(event, existing.get()), false);
            }
            Registration registration = event.register(memberId, now(), events);
            Criteria seats = registration.isConfirmed() ? Criteria.where(CommunityEvent.FREE_SEATS).gt(0)
                    : Criteria.where(CommunityEvent.FREE_SEATS).lte(0).and(CommunityEvent.WAITLISTED)
                            .lt(CommunityEvent.MAX_WAITLIST);
            Query unchanged = Query.query(Criteria.where("_id").is(id)
                    .and(CommunityEvent.STATUS).is(CommunityEvent.Status.SCHEDULED)
                    .and(CommunityEvent.REGISTRATIONS + "." + Registration.MEMBER_ID).ne(memberId)
                    .andOperator(seats));
            Update registering = new Update().push(CommunityEvent.REGISTRATIONS, registration)
                    .inc(registration.isConfirmed() ? CommunityEvent.FREE_SEATS : CommunityEvent.WAITLISTED,
                            registration.isConfirmed() ? -1 : 1)
                    .push(OutboxAggregate.OUTBOX_FIELD, event.lastEvent())
                    .inc(CommunityEvent.VERSION, 1);
            if (mongo.updateFirst(unchanged, registering, CommunityEvent.class).getModifiedCount() == 1) {
                relay.wake(CommunityEvent.COLLECTION, id);
                log.info("Member {} registered for event {}: {}", memberId, id, registration.status());
                CommunityEvent registered = get(id);
                return new Registered(RegistrationView.of(registered,
                        registered.registrationOf(memberId).orElse(registration)), true);
            }
        }
        throw ApiProblem.conflict("busy", "Too many registrations at once; try again");
    }

    /**
     * Withdraws the member's registration; their seat goes to the first on the waitlist.
     *
     * @throws ApiProblem 404 unknown event or not registered, 409 cancelled or started
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 20, delay = 10, jitter = 10)
    void withdraw(String id, String memberId) {
        CommunityEvent event = get(id);
        if (!event.withdraw(memberId, now(), events)) {
            throw ApiProblem.notFound("Your registration for event " + id);
        }
        mongo.save(event);
        log.info("Member {} withdrew from event {}", memberId, id);
    }

    /** @throws ApiProblem 404 unknown event or not registered */
    RegistrationView registrationOf(String id, String memberId) {
        CommunityEvent event = get(id);
        return event.registrationOf(memberId).map(registration -> RegistrationView.of(event, registration))
                .orElseThrow(() -> ApiProblem.notFound("Your registration for event " + id));
    }

    /**
     * The registrations of an event in registration order, for its organiser or an admin.
     *
     * @throws ApiProblem 404 unknown event, 403 neither its organiser nor an admin
     */
    PageResponse<RegistrationView> registrations(String id, Caller caller, Pageable page) {
        CommunityEvent event = managed(id, caller);
        return PageResponse.of(event.registrations().stream()
                .map(registration -> RegistrationView.of(event, registration)).toList(), page);
    }

    /** The events a member registered for, soonest first. */
    List<CommunityEvent> registeredFor(String memberId) {
        return mongo.find(Query.query(Criteria.where(CommunityEvent.REGISTRATIONS + "." + Registration.MEMBER_ID)
                .is(memberId)).with(Sort.by(CommunityEvent.STARTS_AT)), CommunityEvent.class);
    }

    /** The events of a city for its public feed: those not over for more than {@code since}. */
    List<CommunityEvent> ofCity(String city, Instant since) {
        Query query = Query.query(Criteria.where(CommunityEvent.CITY).is(city).and(CommunityEvent.ENDS_AT).gte(since))
                .with(Sort.by(CommunityEvent.STARTS_AT));
        query.fields().exclude(CommunityEvent.REGISTRATIONS, OutboxAggregate.OUTBOX_FIELD);
        return mongo.find(query, CommunityEvent.class);
    }

    /** What the member's data export shows: their registrations and the events they organise. */
    Map<String, Object> export(String memberId) {
        List<RegistrationView> registrations = registeredFor(memberId).stream()
                .map(event -> RegistrationView.of(event, event.registrationOf(memberId).orElseThrow())).toList();
        Query organised = Query.query(Criteria.where(CommunityEvent.ORGANISER_ID).is(memberId))
                .with(Sort.by(CommunityEvent.STARTS_AT));
        organised.fields().exclude(CommunityEvent.REGISTRATIONS, OutboxAggregate.OUTBOX_FIELD);
        return Map.of("registrations", registrations,
                "organised", mongo.find(organised, CommunityEvent.class).stream().map(EventView::of).toList());
    }

    /**
     * Forgets an erased member in every event that names them: registrations go (their seats to the waitlist),
     * upcoming events they organised are cancelled, and no event keeps them as organiser.
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 10, delay = 20, jitter = 10)
    void forget(String memberId) {
        Query naming = Query.query(new Criteria().orOperator(
                Criteria.where(CommunityEvent.REGISTRATIONS + "." + Registration.MEMBER_ID).is(memberId),
                Criteria.where(CommunityEvent.ORGANISER_ID).is(memberId)));
        Instant now = now();
        for (CommunityEvent event : mongo.find(naming, CommunityEvent.class)) {
            if (event.forget(memberId, now, events)) {
                mongo.save(event);
                log.info("Erased member {} removed from event {}", memberId, event.id());
            }
        }
    }

    /** The event, when the caller may change it: its organiser or an admin. */
    private CommunityEvent managed(String id, Caller caller) {
        CommunityEvent event = get(id);
        if (!caller.isAdmin() && !event.organisedBy(caller.memberId())) {
            throw ApiProblem.forbidden("Only the organiser of event " + id + " or an admin may do this");
        }
        return event;
    }

    static boolean mayOrganise(Caller caller, String city) {
        return caller.isAdmin() || caller.hasGlobal(GlobalRole.FACILITATOR) || caller.holds(CityRole.FRONTRUNNER, city)
                || caller.holds(CityRole.TRANSITION_TEAM, city);
    }

    /** A time kept as it was, written as the local date-time of its zone so that a new zone re-reads it there. */
    private static String local(EventTimes times, boolean start) {
        return (start ? times.startsAt() : times.endsAt()).atZone(times.zone()).toLocalDateTime().toString();
    }

    private static List<String> distinct(List<String> topics) {
        return topics == null ? List.of() : topics.stream().distinct().toList();
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }

    /** Millisecond precision: what MongoDB stores, so that answers match later reads. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    record Registered(RegistrationView registration, boolean created) {
    }
}
