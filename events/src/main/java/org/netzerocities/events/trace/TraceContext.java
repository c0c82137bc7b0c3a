package org.netzerocities.events.trace;

import java.util.regex.Pattern;

import io.micrometer.tracing.Tracer;

/**
 * The W3C {@code traceparent} form of Micrometer Tracing's current span. Micrometer Tracing is the one trace
 * mechanism: it joins the caller's trace on HTTP requests, puts the trace id into the log lines (MDC
 * {@value #MDC_TRACE_ID}), continues the trace through KafkaTemplate's and the listeners' observations (the
 * {@code traceparent} record header). The events keep the trace they were created in as the CloudEvents
 * {@code traceparent} extension, because the outbox relay sends them later, outside the request: it sends each
 * inside the recorded trace again.
 */
public final class TraceContext {

    /** The W3C header, and the CloudEvents extension attribute, holding the trace context. */
    public static final String TRACEPARENT = "traceparent";
    /** MDC key holding the trace id (Micrometer Tracing's), for log patterns. */
    public static final String MDC_TRACE_ID = "traceId";

    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);

    private TraceContext() {
    }

    /** The current span's {@code traceparent}, or {@code null} outside traced work (or without a tracer). */
    public static String current(Tracer tracer) {
        var context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        String traceparent = "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
        return isValid(traceparent) ? traceparent : null;
    }

    /** Whether {@code value} is a version-00 W3C traceparent with non-zero ids. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        var matcher = TRACEPARENT_FORMAT.matcher(value);
        return matcher.matches() && !INVALID_TRACE_ID.equals(matcher.group(1))
                && !INVALID_SPAN_ID.equals(matcher.group(2));
    }

    public static String traceId(String traceparent) {
        return isValid(traceparent) ? traceparent.substring(3, 35) : null;
    }
}
