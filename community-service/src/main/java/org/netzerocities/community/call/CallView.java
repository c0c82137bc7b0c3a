package org.netzerocities.community.call;

import java.time.Instant;
import java.util.List;

import org.netzerocities.community.city.City;

/**
 * A call as the portal shows it, to anyone: what it asks, until when, and how many joined through it. Never
 * who launched it.
 */
record CallView(String code, CityRef city, String title, String message, List<String> topics, Instant closesAt,
        boolean open, long joins, Instant launchedAt) {

    static CallView of(CallToJoin call, City city, Instant now) {
        return new CallView(call.code(), new CityRef(city.id(), city.name()), call.title(), call.message(),
                call.topics(), call.closesAt(), call.isOpenAt(now), call.joins(),
                call.launchedAt());
    }

    record CityRef(String id, String name) {
    }
}
