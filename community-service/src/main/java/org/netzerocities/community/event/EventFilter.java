package org.netzerocities.community.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.support.ApiProblem;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The calendar's filters: events not over by {@code from} (default: now) and starting by {@code to}, of a city, on
 * a topic, in a language.
 */
record EventFilter(String city, String topic, String language, Instant from, Instant to) {

    /**
     * Reads the filters from the query string; {@code from}/{@code to} are ISO-8601 date-times with offset or dates
     * (a date is its start, in UTC).
     *
     * @throws ApiProblem 400 for a malformed value, or {@code to} before {@code from}
     */
    static EventFilter parse(String city, String topic, String language, String from, String to, Instant now) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (topic != null && !topic.matches(EventText.TOPIC)) {
            errors.add(new ApiProblem.FieldError("topic", EventText.TOPIC_MESSAGE));
        }
        if (language != null && !language.matches(EventText.LANGUAGE)) {
            errors.add(new ApiProblem.FieldError("language", EventText.LANGUAGE_MESSAGE));
        }
        Instant since = from == null ? now : instant("from", from, errors);
        Instant until = to == null ? null : instant("to", to, errors);
        if (since != null && until != null && until.isBefore(since)) {
            errors.add(new ApiProblem.FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new EventFilter(city, topic, language, since, until);
    }

    Query query() {
        Criteria criteria = Criteria.where(CommunityEvent.ENDS_AT).gt(from);
        if (to != null) {
            criteria.and(CommunityEvent.STARTS_AT).lte(to);
        }
        if (city != null) {
            criteria.and(CommunityEvent.CITY).is(city);
        }
        if (topic != null) {
            criteria.and(CommunityEvent.TOPICS).is(topic);
        }
        if (language != null) {
            criteria.and(CommunityEvent.LANGUAGE).is(language);
        }
        return Query.query(criteria);
    }

    private static Instant instant(String field, String value, List<ApiProblem.FieldError> errors) {
        if (value.length() <= 40) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            }
            catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                catch (DateTimeParseException notADate) {
                    // reported below
                }
            }
        }
        errors.add(new ApiProblem.FieldError(field,
                "must be an ISO-8601 date-time with offset (2027-03-01T00:00:00Z) or a date (2027-03-01)"));
        return null;
    }
}
