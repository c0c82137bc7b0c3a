package org.netzerocities.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Request bodies beyond the default JSON limits (nesting 32, strings of 100,000 characters, 1 MB) and values of the
 * wrong type are 400 problems; bodies at the limits and of the right types are read.
 */
@SpringBootTest(classes = ProbeApplication.class)
@AutoConfigureMockMvc
class JsonLimitsTest {

    private static final String TOKEN = ProbeApplication.token(Map.of("sub", "m-1", "roles", List.of("MEMBER")));

    @Autowired
    MockMvc http;

    @Test
    void aBodyNestedDeeperThan32LevelsIsABadRequest() throws Exception {
        // the body's object is the first level
        send("{\"name\": \"a\", \"data\": " + "[".repeat(31) + "]".repeat(31) + "}")
                .andExpect(status().isOk());
        beyondTheLimits("{\"name\": \"a\", \"data\": " + "[".repeat(32) + "]".repeat(32) + "}",
                "The JSON body is nested too deeply");
    }

    @Test
    void aStringLongerThan100000CharactersIsABadRequest() throws Exception {
        send("{\"name\": \"" + "é".repeat(100_000) + "\"}").andExpect(status().isOk());
        beyondTheLimits("{\"name\": \"" + "é".repeat(100_001) + "\"}", "A string of the JSON body is too long");
    }

    @Test
    void aBodyLargerThanOneMegabyteIsABadRequest() throws Exception {
        String within = "{\"name\": \"a\", \"data\": [" + "1,".repeat(520_000) + "1]}";
        send(within).andExpect(status().isOk());
        String beyond = "{\"name\": \"a\", \"data\": [" + "1,".repeat(530_000) + "1]}";
        beyondTheLimits(beyond, "The JSON body is too large");
    }

    @Test
    void aNumberOrABooleanIsNotTakenForAStringAndANumberNotForAnEnum() throws Exception {
        for (String body : List.of("{\"name\": 12}", "{\"name\": 1.5}", "{\"name\": true}")) {
            send(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("name"))
                    .andExpect(jsonPath("$.errors[0].message").value("has the wrong type"));
        }
        send("{\"name\": \"12\", \"role\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        send("{\"name\": \"12\", \"role\": \"KING\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a valid value"));
        send("{\"name\": \"12\", \"role\": \"ADMIN\"}")
                .andExpect(status().isOk())
                .andExpect(content().string("12/ADMIN"));
    }

    @Test
    void aFractionIsNotTruncatedIntoAnInteger() throws Exception {
        send("{\"name\": \"n\", \"count\": 1.5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type"));
        send("{\"name\": \"n\", \"count\": 2}")
                .andExpect(status().isOk())
                .andExpect(content().string("n/null/2"));
    }

    private void beyondTheLimits(String body, String detail) throws Exception {
        send(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/json-limit"))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    private ResultActions send(String body) throws Exception {
        return http.perform(post("/probe/json").header("Authorization", "Bearer " + TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
