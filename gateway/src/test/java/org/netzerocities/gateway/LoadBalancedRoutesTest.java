package org.netzerocities.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.gateway.GatewayTestSupport.JWKS_PATH;
import static org.netzerocities.gateway.GatewayTestSupport.baseUrl;
import static org.netzerocities.gateway.GatewayTestSupport.reply;
import static org.netzerocities.gateway.GatewayTestSupport.startServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * A scaled service (the launcher's {@code --scale}) is given to the gateway as several addresses, comma-separated:
 * its route sends the requests to each instance in turn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "MANAGEMENT_SERVER_PORT=0")
@AutoConfigureWebTestClient(timeout = "30s") // the first request of a cold gateway on a busy machine
class LoadBalancedRoutesTest {

    private static final HttpServer FIRST = instance("first");
    private static final HttpServer SECOND = instance("second");

    @Autowired
    WebTestClient http;

    private static HttpServer instance(String name) {
        return startServer(Map.of("/api/community/instance", exchange -> reply(exchange, 200, name)));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("COMMUNITY_SERVICE_URI", () -> baseUrl(FIRST) + ", " + baseUrl(SECOND));
        registry.add("NZC_JWKS_URI", () -> baseUrl(FIRST) + JWKS_PATH);
    }

    @AfterAll
    static void stopInstances() {
        FIRST.stop(0);
        SECOND.stop(0);
    }

    @Test
    void aServiceWithTwoAddressesGetsItsRequestsInTurn() {
        List<String> answeredBy = new ArrayList<>();
        for (int request = 0; request < 6; request++) {
            answeredBy.add(http.get().uri("/api/community/instance").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
        }

        assertThat(answeredBy).containsOnly("first", "second");
        for (int request = 1; request < answeredBy.size(); request++) {
            assertThat(answeredBy.get(request)).as("request %d of %s", request, answeredBy)
                    .isNotEqualTo(answeredBy.get(request - 1));
        }
    }
}
