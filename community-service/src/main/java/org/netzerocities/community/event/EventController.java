package org.netzerocities.community.event;

import java.time.Clock;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/community/events")
@Tag(name = "Event calendar", description = "Community events: frontrunners, transition teams, facilitators and "
        + "admins schedule them; members register, and wait for a seat when one is full")
class EventController {

    private final CommunityEvents calendar;
    private final CityCatalog cities;
    private final Clock clock;

    EventController(CommunityEvents calendar, CityCatalog cities, Clock clock) {
        this.calendar = calendar;
        this.cities = cities;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Schedule an event (201): frontrunners and transition team members of its city, "
            + "facilitators, admins. format ONLINE (onlineUrl), IN_PERSON (address) or HYBRID (both); startsAt and "
            + "endsAt as local date-times in the IANA timeZone (2027-03-01T18:00) or with offset; the start in the "
            + "future and within three years, the end after it and at most 31 days later; capacity 1..5000; "
            + "optional groupId of the organising group, whose member the organiser must be")
    ResponseEntity<EventView> schedule(@Valid @RequestBody NewEvent body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(EventView.of(calendar.schedule(body, caller)));
    }

    @GetMapping
    @Operation(summary = "The calendar, soonest first: events not over by `from` (default now) and starting by "
            + "`to` (ISO-8601 date-times with offset, or dates), of a city, topic and language. Cancelled events are "
            + "listed too, with status CANCELLED")
    PageResponse<EventView> list(@RequestParam(required = false) String city,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String language,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size, Sort.unsorted());
        if (city != null && !cities.exists(city)) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        return calendar.list(EventFilter.parse(city, topic, language, from, to, clock.instant()), pageable);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One event with its seats taken and waiting")
    EventView get(@PathVariable String id) {
        return EventView.of(calendar.get(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an event (its organiser or an admin): the fields sent replace the current ones; "
            + "city and group stay. Raises the sequence and tells the registrants (EventUpdated). A larger capacity "
            + "promotes the waitlist in order; a capacity below the seats taken is refused (409 "
            + "capacity-below-confirmed). 409 once cancelled or started")
    EventView update(@PathVariable String id, @Valid @RequestBody EventPatch patch, Caller caller) {
        return EventView.of(calendar.update(id, patch, caller));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel an event {reason} (its organiser or an admin): it stays in calendars as cancelled "
            + "and its registrants are told (EventCancelled)")
    EventView cancel(@PathVariable String id, @Valid @RequestBody Cancellation body, Caller caller) {
        return EventView.of(calendar.cancel(id, body.reason(), caller));
    }

    @PostMapping("/{id}/registrations")
    @Operation(summary = "Register: 201 with status CONFIRMED (a seat) or WAITLISTED (the event is full; with the "
            + "place in line). Registering again is idempotent: 200 with the registration one has. 409 when the "
            + "event is cancelled or started, or its waitlist (1000) is full")
    ResponseEntity<RegistrationView> register(@PathVariable String id, Caller caller) {
        CommunityEvents.Registered registered = calendar.register(id, caller.memberId());
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(registered.registration());
    }

    @GetMapping("/{id}/registrations/me")
    @Operation(summary = "The caller's registration and its status; 404 when not registered")
    RegistrationView mine(@PathVariable String id, Caller caller) {
        return calendar.registrationOf(id, caller.memberId());
    }

    @DeleteMapping("/{id}/registrations/me")
    @Operation(summary = "Withdraw (204); a seat left goes to the first on the waitlist. 404 when not registered, "
            + "409 once the event is cancelled or started")
    ResponseEntity<Void> withdraw(@PathVariable String id, Caller caller) {
        calendar.withdraw(id, caller.memberId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/registrations")
    @Operation(summary = "The registrations in the order members registered, each with its status and place in "
            + "line: the organiser or an admin")
    PageResponse<RegistrationView> registrations(@PathVariable String id, Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        return calendar.registrations(id, caller, PageResponse.request(page, size, Sort.unsorted()));
    }
}
