package org.netzerocities.notification.live;

import java.time.Instant;
import java.util.regex.Pattern;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CallerAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Live stream", description = "The calling member's notifications as they arrive (Server-Sent Events)")
class StreamController {

    /** A sequence number: what the stream sent as an event id. */
    private static final Pattern SEQUENCE = Pattern.compile("\\d{1,18}");

    private final LiveStreams streams;
    private final StreamTickets tickets;

    StreamController(LiveStreams streams, StreamTickets tickets) {
        this.streams = streams;
        this.tickets = tickets;
    }

    @PostMapping("/stream-tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A one-use ticket, valid for a minute, that opens your stream as ?ticket= (for EventSource, "
            + "which cannot send the bearer token)")
    StreamTicket ticket(Caller caller) {
        StreamTickets.Issued issued = tickets.issue(caller.memberId());
        return new StreamTicket(issued.ticket(), issued.expiresAt());
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Your notifications as Server-Sent Events (event 'notification', id = the notification's "
            + "seq, data = the notification as in the inbox), with comments as heartbeats. Authorised by the bearer "
            + "token or a ticket. After a reconnect, Last-Event-ID (or ?lastEventId=) sends the notifications after "
            + "that seq first, then the live ones, none twice")
    SseEmitter stream(
            @Parameter(description = "a ticket from POST /api/notifications/stream-tickets, instead of the token")
            @RequestParam(required = false) String ticket,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @Parameter(description = "the last event id received, for clients that cannot set Last-Event-ID")
            @RequestParam(required = false) String lastEventId,
            HttpServletResponse response) {
        Long resumeAfter = sequence(lastEventIdHeader != null ? lastEventIdHeader : lastEventId);
        String memberId = ticket != null
                ? tickets.redeem(ticket).orElseThrow(() -> new BadCredentialsException("Unknown, used or expired ticket"))
                : CallerAuthentication.callerOf(SecurityContextHolder.getContext().getAuthentication())
                        .map(Caller::memberId)
                        .orElseThrow(() -> new BadCredentialsException("A bearer token or a ticket is required"));
        // proxies must pass each event on at once, and keep none
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(memberId, resumeAfter);
    }

    private static Long sequence(String lastEventId) {
        if (lastEventId == null || lastEventId.isEmpty()) {
            return null;
        }
        if (!SEQUENCE.matcher(lastEventId).matches()) {
            throw ApiProblem.invalid("lastEventId", "must be an event id this stream sent");
        }
        return Long.parseLong(lastEventId);
    }

    /** @param ticket pass as {@code ?ticket=} once, before {@code expiresAt} */
    record StreamTicket(String ticket, Instant expiresAt) {
    }
}
