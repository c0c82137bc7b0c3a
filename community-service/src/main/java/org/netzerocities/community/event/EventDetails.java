package org.netzerocities.community.event;

import java.util.ArrayList;
import java.util.List;

import org.netzerocities.support.ApiProblem;

/**
 * What an organiser says about an event, checked as a whole: an in-person or hybrid event needs an address, an
 * online or hybrid one a link.
 */
record EventDetails(String title, String description, EventFormat format, String address, String onlineUrl,
        EventTimes times, int capacity, String language, List<String> topics) {

    /** Enough for a large conference; the registrations of one event live in its document. */
    static final int MAX_CAPACITY = 5000;

    /** @throws ApiProblem 400 when the format lacks its address or link, or the capacity is out of bounds */
    EventDetails {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (format.needsAddress() && (address == null || address.isBlank())) {
            errors.add(new ApiProblem.FieldError("address", "is required for " + format + " events"));
        }
        if (format.needsLink() && (onlineUrl == null || onlineUrl.isBlank())) {
            errors.add(new ApiProblem.FieldError("onlineUrl", "is required for " + format + " events"));
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            errors.add(new ApiProblem.FieldError("capacity", "must be between 1 and " + MAX_CAPACITY));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        address = format.needsAddress() ? address.strip() : null;
        onlineUrl = format.needsLink() ? onlineUrl.strip() : null;
        description = description == null || description.isBlank() ? null : description.strip();
        title = title.strip();
        topics = List.copyOf(topics);
    }
}
