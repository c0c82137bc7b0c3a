package org.netzerocities.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The request id and the trace from the gateway reach the service's log lines and come back in the response. */
@SpringBootTest(classes = ProbeApplication.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class RequestTracingTest {

    private static final String TOKEN = ProbeApplication.token(Map.of("sub", "m-1", "roles", List.of("MEMBER")));
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    MockMvc http;

    @Test
    void theGatewaysRequestIdAndTraceAreInTheLogLinesAndTheResponse(CapturedOutput output) throws Exception {
        String requestId = "req-" + UUID.randomUUID();

        http.perform(trace().header("X-Request-Id", requestId)
                        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", requestId))
                .andExpect(jsonPath("$.requestId").value(requestId))
                .andExpect(jsonPath("$.traceId").value(TRACE_ID));

        assertThat(output.getOut().lines().filter(line -> line.contains("Probe traced")))
                .anySatisfy(line -> assertThat(line).contains("[" + TRACE_ID + " " + requestId + "]"));
    }

    @Test
    void anImplausibleRequestIdIsReplaced() throws Exception {
        for (String implausible : List.of("two words", "forged\tINFO line", "x".repeat(129), "")) {
            String answered = http.perform(trace().header("X-Request-Id", implausible))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getHeader("X-Request-Id");
            assertThat(answered).as("request id for %s", implausible).isNotEqualTo(implausible)
                    .matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void aRequestWithoutIdGetsOneInItsLogLinesAndResponse() throws Exception {
        var response = http.perform(trace()).andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(response.getContentAsString()).contains(response.getHeader("X-Request-Id"));
    }

    private static MockHttpServletRequestBuilder trace() {
        return get("/probe/trace").header("Authorization", "Bearer " + TOKEN);
    }
}
