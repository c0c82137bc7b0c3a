package org.netzerocities.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.netzerocities.gateway.errors.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies beyond {@code nzc.gateway.max-body-size} are 413 problems, without buffering any: a declared
 * {@code Content-Length} is checked before the body is read (nothing reaches a service); a body without one is
 * counted as it streams through to the service, and cut with a 413 once it passes the limit.
 */
class BodySizeLimit implements WebFilter, Ordered {

    private final long maxBytes;
    private final JsonMapper json;

    BodySizeLimit(RequestLimitProperties properties, JsonMapper json) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Problems.write(exchange.getResponse(), json, new RequestBodyTooLarge(maxBytes).getBody());
        }
        if (declared >= 0 || HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountedBody(request, maxBytes)).build());
    }

    private static final class CountedBody extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountedBody(ServerHttpRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new RequestBodyTooLarge(maxBytes));
                }
                else {
                    sink.next(buffer);
                }
            });
        }
    }
}
