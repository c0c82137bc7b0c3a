package org.netzerocities.community.event;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to an event: the fields present replace the current ones, absent (or null) ones stay. The city and the
 * organising group do not change: an event elsewhere is another event. New times are read in the new
 * {@code timeZone} if one is given, else in the event's.
 */
record EventPatch(
        @Size(min = 1, max = EventText.TITLE) @Pattern(regexp = EventText.LINE, message = EventText.LINE_MESSAGE) String title,
        @Size(max = EventText.DESCRIPTION) @Pattern(regexp = EventText.TEXT, message = EventText.TEXT_MESSAGE) String description,
        EventFormat format,
        @Size(max = EventText.ADDRESS) @Pattern(regexp = EventText.LINE, message = EventText.LINE_MESSAGE) String address,
        @Size(max = EventText.URL) @Pattern(regexp = EventText.WEB_URL, message = EventText.WEB_URL_MESSAGE) String onlineUrl,
        @Size(max = 40) String startsAt,
        @Size(max = 40) String endsAt,
        @Size(max = 64) String timeZone,
        @Min(1) @Max(EventDetails.MAX_CAPACITY) Integer capacity,
        @Pattern(regexp = EventText.LANGUAGE, message = EventText.LANGUAGE_MESSAGE) String language,
        @Size(max = EventText.MAX_TOPICS) List<@jakarta.validation.constraints.NotNull @Pattern(
                regexp = EventText.TOPIC, message = EventText.TOPIC_MESSAGE) String> topics) {
}
