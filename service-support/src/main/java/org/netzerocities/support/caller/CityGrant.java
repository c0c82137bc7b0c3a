package org.netzerocities.support.caller;

import java.util.Objects;

/** A city-bound role: {@code role} in {@code city} (a Cities Mission city id) and nowhere else. */
public record CityGrant(CityRole role, String city) {

    public CityGrant {
        Objects.requireNonNull(role, "role");
        if (city == null || city.isBlank()) {
            throw new IllegalArgumentException("A city grant needs a city");
        }
    }
}
