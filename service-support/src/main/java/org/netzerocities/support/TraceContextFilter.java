package org.netzerocities.support;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.netzerocities.events.trace.TraceContext;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Names the request's trace and request id in the response, so a support request can quote them. The trace is
 * Micrometer Tracing's (the HTTP server observation, which joins the caller's {@code traceparent} from the gateway
 * or the portal, runs before this filter); the events the request causes record it, so the trace continues
 * through Kafka into the consumers. The request id ({@code X-Request-Id}, which the gateway passes on, or a new
 * one when it is missing or not plausible) goes into the log lines (MDC {@value #MDC_REQUEST_ID}) next to the
 * trace id.
 */
public class TraceContextFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** MDC key holding the request id, for log patterns. */
    public static final String MDC_REQUEST_ID = "requestId";

    // what the gateway keeps from a client (see the gateway's RequestTracing): no spaces or control characters
    // that could forge log lines, short enough for a log field
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    private final Tracer tracer;

    public TraceContextFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId == null || !SANE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        String traceparent = TraceContext.current(tracer);
        if (traceparent != null) {
            response.setHeader(TraceContext.TRACEPARENT, traceparent);
        }
        response.setHeader(REQUEST_ID_HEADER, requestId);
        MDC.put(MDC_REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(MDC_REQUEST_ID);
        }
    }
}
