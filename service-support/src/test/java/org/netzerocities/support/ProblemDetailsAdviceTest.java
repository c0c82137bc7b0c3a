package org.netzerocities.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

/** Failures that are not the service's bug answer 4xx or 503 problem details, never 500. */
@SpringBootTest(classes = ProbeApplication.class)
@AutoConfigureMockMvc
class ProblemDetailsAdviceTest {

    private static final String TOKEN = ProbeApplication.token(Map.of("sub", "m-1", "roles", List.of("MEMBER")));

    @Autowired
    MockMvc http;

    @Test
    void aLostOptimisticLockingRaceIsAConflict() throws Exception {
        call("/probe/failures/optimistic-lock")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/concurrent-update"));
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailableWithRetryAfter() throws Exception {
        for (String failure : List.of("database-down", "server-selection")) {
            call("/probe/failures/" + failure)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/unavailable"))
                    .andExpect(jsonPath("$.detail").value("The service cannot reach its database; retry shortly"));
        }
    }

    @Test
    void aBugIsAnInternalErrorWithoutInternals() throws Exception {
        call("/probe/failures/bug")
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("The service failed to process the request"));
    }

    @Test
    void aPageWhoseOffsetOverflowsIsABadRequest() throws Exception {
        call("/probe/pages?page=" + Integer.MAX_VALUE + "&size=100")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        call("/probe/pages?page=21474836&size=100")
                .andExpect(status().isBadRequest());
        call("/probe/pages?page=21474835&size=100")
                .andExpect(status().isOk())
                .andExpect(content().string("2147483500"));
        call("/probe/pages?page=99999999999&size=10")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions call(String path) throws Exception {
        return http.perform(get(path).header("Authorization", "Bearer " + TOKEN));
    }
}
