package org.netzerocities.support;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.netzerocities.events.trace.TraceContext;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Joins the caller's W3C trace (the {@code traceparent} header, from the gateway or the portal) or starts
 * one, for the whole request: log lines carry its trace id, and the events the request causes record it,
 * so the trace continues through Kafka into the consumers. Likewise the request id ({@code X-Request-Id},
 * which the gateway passes on, or a new one when it is missing or not plausible): it goes into the log lines
 * (MDC {@value #MDC_REQUEST_ID}) and back in the response, so a support request can quote it.
 */
public class TraceContextFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** MDC key holding the request id, for log patterns. */
    public static final String MDC_REQUEST_ID = "requestId";

    // what the gateway keeps from a client (see the gateway's RequestTracing): no spaces or control characters
    // that could forge log lines, short enough for a log field
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceparent = TraceContext.childOf(request.getHeader(TraceContext.MDC_TRACEPARENT));
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId == null || !SANE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        response.setHeader(TraceContext.MDC_TRACEPARENT, traceparent);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        MDC.put(MDC_REQUEST_ID, requestId);
        try (var trace = TraceContext.enter(traceparent)) {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(MDC_REQUEST_ID);
        }
    }
}
