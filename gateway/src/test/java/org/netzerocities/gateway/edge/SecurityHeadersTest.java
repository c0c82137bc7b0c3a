package org.netzerocities.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** HSTS goes by how the client reached the gateway: only a trusted proxy may say that was over HTTPS. */
class SecurityHeadersTest {

    private final SecurityHeaders headers = new SecurityHeaders(trusting("10\\.0\\.0\\.\\d+"));

    @Test
    void aTrustedProxySayingHttpsMeansHttps() {
        assertThat(headers.overHttps(from("10.0.0.7", "https"))).isTrue();
        assertThat(headers.overHttps(from("10.0.0.7", "HTTPS, http"))).as("the first is the client's").isTrue();
    }

    @Test
    void anyoneElseSayingHttpsDoesNot() {
        assertThat(headers.overHttps(from("203.0.113.9", "https"))).isFalse();
        assertThat(new SecurityHeaders(trusting(null)).overHttps(from("10.0.0.7", "https")))
                .as("no trusted proxies configured").isFalse();
    }

    @Test
    void plainHttpIsNotHttps() {
        assertThat(headers.overHttps(from("10.0.0.7", "http, https"))).isFalse();
        assertThat(headers.overHttps(from("10.0.0.7", null))).isFalse();
    }

    private static GatewayProperties trusting(String proxies) {
        GatewayProperties properties = new GatewayProperties();
        properties.setTrustedProxies(proxies);
        return properties;
    }

    private static MockServerHttpRequest from(String address, String forwardedProto) {
        var request = MockServerHttpRequest.get("/api/community/cities")
                .remoteAddress(new InetSocketAddress(address, 40_000));
        return (forwardedProto == null ? request : request.header("X-Forwarded-Proto", forwardedProto)).build();
    }
}
