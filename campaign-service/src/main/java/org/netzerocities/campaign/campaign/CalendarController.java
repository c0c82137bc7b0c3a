package org.netzerocities.campaign.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Content calendar", description = "A channel's approved posts in time, for its teams")
class CalendarController {

    /** The default window: a month back, three ahead; a window spans at most a year and a day. */
    static final Duration BACK = Duration.ofDays(31);
    static final Duration AHEAD = Duration.ofDays(92);
    static final Duration LONGEST = Duration.ofDays(367);

    private final Posts posts;
    private final ChannelAccess access;

    CalendarController(Posts posts, ChannelAccess access) {
        this.posts = posts;
        this.access = access;
    }

    record CalendarView(String channelId, String handle, Instant from, Instant to, List<Entry> posts) {
    }

    /** A post in the calendar: the workflow's or publishing's status, and when it is or was published. */
    record Entry(String postId, String campaignId, String status, Instant scheduledAt, Instant publishedAt,
            String permalink, String caption) {

        static Entry of(PostView post) {
            PostView.Publication publication = post.publication();
            return new Entry(post.id(), post.campaignId(), ContentCalendar.status(post), post.scheduledAt(),
                    publication == null ? null : publication.publishedAt(),
                    publication == null ? null : publication.permalink(), post.caption());
        }
    }

    @GetMapping("/api/campaigns/channels/{id}/calendar")
    @Operation(summary = "The channel's approved posts scheduled in [from, to) (ISO instants; default a month back "
            + "to three months ahead, at most a year), with their status (APPROVED, SCHEDULED, PUBLISHING, "
            + "PUBLISHED, FAILED, CANCELLED) and times: the channel's leadership team and steering committee, admins")
    CalendarView calendar(@PathVariable String id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, Caller caller) {
        ChannelView channel = readable(id, caller);
        Window window = Window.of(from, to);
        return new CalendarView(channel.channelId(), channel.handle(), window.from(), window.to(),
                posts.scheduledOn(channel.channelId(), window.from(), window.to()).stream().map(Entry::of).toList());
    }

    @GetMapping("/api/campaigns/channels/{id}/calendar.ics")
    @Operation(summary = "The same calendar as iCalendar (text/calendar), one event per post with a stable UID")
    ResponseEntity<String> ics(@PathVariable String id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, Caller caller) {
        ChannelView channel = readable(id, caller);
        Window window = Window.of(from, to);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ContentCalendar.MEDIA_TYPE))
                .body(ContentCalendar.write(channel.handle() + " content calendar",
                        posts.scheduledOn(channel.channelId(), window.from(), window.to())));
    }

    private ChannelView readable(String id, Caller caller) {
        ChannelView channel = access.existing(id);
        ChannelAccess.requireReader(channel, caller);
        return channel;
    }

    private record Window(Instant from, Instant to) {

        static Window of(Instant from, Instant to) {
            Instant start = from != null ? from : Instant.now().minus(BACK);
            Instant end = to != null ? to : start.plus(BACK).plus(AHEAD);
            if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST) > 0) {
                throw ApiProblem.invalid("to", "must be after from, by at most a year");
            }
            return new Window(start, end);
        }
    }
}
