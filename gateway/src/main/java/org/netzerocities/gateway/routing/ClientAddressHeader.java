package org.netzerocities.gateway.routing;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services which address a request came from when the X-Forwarded headers filter says nothing, that is
 * for a client that is not a trusted proxy: the address of its connection, never anything it wrote (its own
 * X-Forwarded headers were removed). Without it every such client would reach the services from the gateway's
 * address, and a per-address rule there (community-service's log-in throttle) would treat them all as one.
 */
@Component
class ClientAddressHeader implements HttpHeadersFilter, Ordered {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (input.containsHeader(FORWARDED_FOR) || remote == null || remote.getAddress() == null) {
            return input;
        }
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        updated.set(FORWARDED_FOR, remote.getAddress().getHostAddress());
        return updated;
    }

    /** After the X-Forwarded headers filter, which either wrote the header or removed the client's own. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
