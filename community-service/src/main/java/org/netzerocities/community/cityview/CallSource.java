package org.netzerocities.community.cityview;

import java.time.Instant;
import java.util.List;

/**
 * A city's local calls to join, from the calls feature, to name the calls the city view counts joins of.
 * Without such a bean the city view lists the call codes members joined with, without titles.
 */
public interface CallSource {

    List<Call> callsOf(String city);

    record Call(String code, String title, Instant closesAt, boolean open) {
    }
}
