package org.netzerocities.campaign.channel;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Instagram handles of the engagement channels: {@code NZCommunities} for the main channel, and
 * {@code NZCommunities_<City>} for a city's. campaign-service keeps no list of cities: a city is named by the id
 * community-service gives it in the Cities Mission list (a lower-case slug such as {@code lisbon},
 * {@code cluj-napoca} or {@code bucharest-district-2}), and its display part is the slug's words capitalised and
 * joined ({@code ClujNapoca}), since Instagram handles allow no hyphens.
 */
final class ChannelHandles {

    static final String MAIN = "NZCommunities";
    /** A city id of the Cities Mission list: lower-case words of letters and digits joined by single hyphens. */
    static final String CITY_ID = "[a-z0-9]+(-[a-z0-9]+)*";
    static final int CITY_ID_MAX = 64;
    private static final Pattern CITY = Pattern.compile(CITY_ID);

    private ChannelHandles() {
    }

    /** The channel's handle: the main one for no city, else the city's. */
    static String handleFor(String city) {
        return city == null ? MAIN : MAIN + "_" + displayName(city);
    }

    /**
     * What the handle is unique by: Instagram handles are case-insensitive, so two city ids whose handles differ
     * only in case ({@code cluj-napoca}, {@code clujnapoca}) would name one account.
     */
    static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }

    static boolean isCityId(String city) {
        return city != null && city.length() <= CITY_ID_MAX && CITY.matcher(city).matches();
    }

    /** {@code cluj-napoca} -> {@code ClujNapoca}. */
    static String displayName(String city) {
        if (!isCityId(city)) {
            throw new IllegalArgumentException("Not a city id: " + city);
        }
        return Arrays.stream(city.split("-"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }
}
