package org.netzerocities.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressHeaderTest {

    final ClientAddressHeader filter = new ClientAddressHeader();

    @Test
    void aClientTheForwardedHeadersFilterSaidNothingOfIsNamedByItsConnectionsAddress() {
        var exchange = from("203.0.113.7");

        HttpHeaders forwarded = filter.filter(new HttpHeaders(), exchange);

        assertThat(forwarded.get(ClientAddressHeader.FORWARDED_FOR)).containsExactly("203.0.113.7");
    }

    @Test
    void whatTheForwardedHeadersFilterWroteForATrustedProxyIsKept() {
        HttpHeaders written = new HttpHeaders();
        written.set(ClientAddressHeader.FORWARDED_FOR, "198.51.100.4, 10.0.0.2");

        HttpHeaders forwarded = filter.filter(written, from("10.0.0.2"));

        assertThat(forwarded.get(ClientAddressHeader.FORWARDED_FOR)).containsExactly("198.51.100.4, 10.0.0.2");
    }

    private static MockServerWebExchange from(String address) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/community/auth/token")
                .remoteAddress(new InetSocketAddress(address, 40_000)));
    }
}
