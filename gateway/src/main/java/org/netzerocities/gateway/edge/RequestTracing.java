package org.netzerocities.gateway.edge;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;

/**
 * Every request gets a request id ({@code X-Request-Id}: the client's when it sent one plausible value, else a new
 * one) and a W3C trace ({@code traceparent}): the gateway's server span, which Micrometer Tracing opened as the
 * child of the client's valid {@code traceparent} or as the root of a new trace. The service receives both, so its
 * spans are children of the gateway's, and its log lines carry them; the response carries them back, whoever
 * answers it (a service, or the gateway itself with a problem), so a portal error report can be matched with the
 * logs and the trace.
 */
@Component
class RequestTracing implements WebFilter, Ordered {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";

    // no spaces or control characters (which could forge log lines), short enough for a log field; UUIDs and the
    // usual base64 or hex ids fit
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");
    // version 00 with non-zero trace and parent ids (https://www.w3.org/TR/trace-context/#traceparent-header)
    private static final Pattern VALID_TRACEPARENT =
            Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private final Propagator propagator;

    RequestTracing(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public int getOrder() {
        // before Spring Security, so that even the requests it refuses are answered with their ids
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders received = exchange.getRequest().getHeaders();
        String requestId = single(received.get(REQUEST_ID), SANE_REQUEST_ID);
        String id = requestId != null ? requestId : randomHex(16);
        String trace = serverSpan(exchange).orElseGet(() -> {
            // tracing switched off: the client's trace passes on, or a new one starts
            String traceparent = single(received.get(TRACEPARENT), VALID_TRACEPARENT);
            return traceparent != null ? traceparent : "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
        });
        var response = exchange.getResponse();
        // at commit time, replacing what the service answered (its own trace span) with what the client was given
        response.beforeCommit(() -> {
            response.getHeaders().set(REQUEST_ID, id);
            response.getHeaders().set(TRACEPARENT, trace);
            return Mono.empty();
        });
        var request = exchange.getRequest().mutate().headers(headers -> {
            headers.set(REQUEST_ID, id);
            headers.set(TRACEPARENT, trace);
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** The {@code traceparent} of the span that the server's observation of this request opened, if tracing is on. */
    private Optional<String> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> {
                    Map<String, String> carrier = new HashMap<>();
                    propagator.inject(span.context(), carrier, Map::put);
                    return carrier.get(TRACEPARENT);
                });
    }

    private static String single(List<String> values, Pattern valid) {
        return values != null && values.size() == 1 && valid.matcher(values.get(0)).matches() ? values.get(0) : null;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reserves as invalid
        return HexFormat.of().formatHex(random);
    }
}
