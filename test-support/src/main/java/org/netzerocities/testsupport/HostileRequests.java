package org.netzerocities.testsupport;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** Pieces of hostile-input tests: a valid body with one field spoiled, and the answer every such request gets. */
public final class HostileRequests {

    private HostileRequests() {
    }

    /**
     * A JSON object of {@code valid}'s fields (raw JSON values) with {@code field} set to {@code rawValue}.
     */
    public static String spoiled(Map<String, String> valid, String field, String rawValue) {
        var fields = new LinkedHashMap<>(valid);
        fields.put(field, rawValue);
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A test that {@code request} is refused with a 4xx problem, never a 5xx. */
    public static DynamicTest refused(MockMvc http, String name, RequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }
}
