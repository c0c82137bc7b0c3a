package org.netzerocities.events.trace;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The W3C trace context of the work in progress, kept in the logging context (MDC) so that every log line
 * of a request or of a consumed event carries it, and events created meanwhile record it: one trace spans
 * HTTP, the outbox, Kafka and the consumer.
 */
public final class TraceContext {

    /** MDC key holding the full {@code traceparent} value. */
    public static final String MDC_TRACEPARENT = "traceparent";
    /** MDC key holding only the trace id, for log patterns. */
    public static final String MDC_TRACE_ID = "traceId";

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);

    private TraceContext() {
    }

    /** The current {@code traceparent}, or {@code null} outside traced work. */
    public static String current() {
        return MDC.get(MDC_TRACEPARENT);
    }

    /** Whether {@code value} is a version-00 W3C traceparent with non-zero ids. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        var matcher = TRACEPARENT.matcher(value);
        return matcher.matches() && !INVALID_TRACE_ID.equals(matcher.group(1))
                && !INVALID_SPAN_ID.equals(matcher.group(2));
    }

    /**
     * A new span in the caller's trace when {@code parent} is a valid traceparent, otherwise a new trace:
     * the work that starts here is a child of whatever caused it.
     */
    public static String childOf(String parent) {
        String traceId = isValid(parent) ? parent.substring(3, 35) : randomHex(16);
        String flags = isValid(parent) ? parent.substring(53) : "01";
        return "00-" + traceId + "-" + randomHex(8) + "-" + flags;
    }

    public static String traceId(String traceparent) {
        return isValid(traceparent) ? traceparent.substring(3, 35) : null;
    }

    /** Enters the given trace for the current thread; close the scope to leave it. */
    public static Scope enter(String traceparent) {
        String previous = MDC.get(MDC_TRACEPARENT);
        MDC.put(MDC_TRACEPARENT, traceparent);
        MDC.put(MDC_TRACE_ID, traceId(traceparent));
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_TRACEPARENT);
                MDC.remove(MDC_TRACE_ID);
            }
            else {
                MDC.put(MDC_TRACEPARENT, previous);
                MDC.put(MDC_TRACE_ID, traceId(previous));
            }
        };
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reserves as invalid
        return HexFormat.of().formatHex(random);
    }

    /** A trace entered on this thread. */
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
