package org.netzerocities.community.event;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.netzerocities.community.city.City;
import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Event calendar feeds", description = "iCalendar (RFC 5545) feeds: a public one per city, a private "
        + "one per member behind a secret, revocable URL")
class CalendarController {

    /** Calendars keep showing what happened recently; older events leave the feed. */
    private static final Duration PAST = Duration.ofDays(31);
    private static final String FEED_PATH = "/api/community/calendar-feeds/";

    private final CommunityEvents calendar;
    private final CalendarFeeds feeds;
    private final CityCatalog cities;
    private final Clock clock;

    CalendarController(CommunityEvents calendar, CalendarFeeds feeds, CityCatalog cities, Clock clock) {
        this.calendar = calendar;
        this.feeds = feeds;
        this.cities = cities;
        this.clock = clock;
    }

    @GetMapping("/api/community/events/calendar.ics")
    @Operation(summary = "A city's events as an iCalendar feed (anyone): upcoming ones and those of the last 31 "
            + "days, cancelled ones marked STATUS:CANCELLED")
    ResponseEntity<String> cityFeed(@RequestParam String city) {
        City known = cities.find(city).orElseThrow(() -> ApiProblem.invalid("city",
                "is not a Cities Mission city id (see GET /api/community/cities)"));
        return ics(CalendarFeed.write("NetZeroCities events in " + known.name(),
                calendar.ofCity(city, clock.instant().minus(PAST)), Map.of()));
    }

    @GetMapping("/api/community/calendar-feeds/{token}.ics")
    @Operation(summary = "A member's own feed (anyone holding its secret URL): the events they registered for, "
            + "waitlisted ones marked (waitlisted) and X-NZC-REGISTRATION:WAITLISTED. 404 for a revoked or unknown URL")
    ResponseEntity<String> memberFeed(@PathVariable String token) {
        String memberId = feeds.memberOf(token).orElseThrow(() -> ApiProblem.notFound("This calendar feed"));
        List<CommunityEvent> events = calendar.registeredFor(memberId);
        Map<String, Registration.Status> registration = events.stream().collect(Collectors.toMap(
                CommunityEvent::id, event -> event.registrationOf(memberId).orElseThrow().status()));
        return ics(CalendarFeed.write("My NetZeroCities events", events, registration));
    }

    @GetMapping("/api/community/members/me/calendar-feed")
    @Operation(summary = "The secret URL of the caller's own calendar feed, issued on first request; anyone with "
            + "the URL sees the caller's registrations, so it is shared with calendar apps only")
    FeedUrl feed(Caller caller) {
        return url(feeds.tokenOf(caller.memberId()));
    }

    @PostMapping("/api/community/members/me/calendar-feed/rotation")
    @Operation(summary = "Revoke the caller's feed URL at once and get a new one")
    FeedUrl rotate(Caller caller) {
        return url(feeds.rotate(caller.memberId()));
    }

    /** Absolute, as the client reached the service (the gateway's forwarded host and prefix included). */
    private static FeedUrl url(String token) {
        return new FeedUrl(ServletUriComponentsBuilder.fromCurrentContextPath().path(FEED_PATH + token + ".ics")
                .toUriString());
    }

    private static ResponseEntity<String> ics(String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CalendarFeed.MEDIA_TYPE))
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300").body(body);
    }

    record FeedUrl(String url) {
    }
}
