package org.netzerocities.support;

import java.io.IOException;

import org.netzerocities.events.trace.TraceContext;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Joins the caller's W3C trace (the {@code traceparent} header, from the gateway or the portal) or starts
 * one, for the whole request: log lines carry its trace id, and the events the request causes record it,
 * so the trace continues through Kafka into the consumers.
 */
public class TraceContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceparent = TraceContext.childOf(request.getHeader(TraceContext.MDC_TRACEPARENT));
        response.setHeader(TraceContext.MDC_TRACEPARENT, traceparent);
        try (var trace = TraceContext.enter(traceparent)) {
            chain.doFilter(request, response);
        }
    }
}
