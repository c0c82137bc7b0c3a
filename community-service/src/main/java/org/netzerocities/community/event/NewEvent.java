package org.netzerocities.community.event;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An event an organiser puts in the calendar. {@code startsAt}/{@code endsAt}: a local date-time in
 * {@code timeZone} ({@code 2027-03-01T18:00}) or an ISO-8601 date-time with offset.
 */
record NewEvent(
        @NotBlank @Size(max = EventText.TITLE) @Pattern(regexp = EventText.LINE, message = EventText.LINE_MESSAGE) String title,
        @Size(max = EventText.DESCRIPTION) @Pattern(regexp = EventText.TEXT, message = EventText.TEXT_MESSAGE) String description,
        @NotNull EventFormat format,
        @NotBlank @Size(max = 64) String city,
        @Size(max = EventText.ADDRESS) @Pattern(regexp = EventText.LINE, message = EventText.LINE_MESSAGE) String address,
        @Size(max = EventText.URL) @Pattern(regexp = EventText.WEB_URL, message = EventText.WEB_URL_MESSAGE) String onlineUrl,
        @NotBlank @Size(max = 40) String startsAt,
        @NotBlank @Size(max = 40) String endsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull @Min(1) @Max(EventDetails.MAX_CAPACITY) Integer capacity,
        @NotBlank @Pattern(regexp = EventText.LANGUAGE, message = EventText.LANGUAGE_MESSAGE) String language,
        @Size(max = EventText.MAX_TOPICS) List<@NotNull @Pattern(regexp = EventText.TOPIC,
                message = EventText.TOPIC_MESSAGE) String> topics,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a group id") String groupId) {
}
