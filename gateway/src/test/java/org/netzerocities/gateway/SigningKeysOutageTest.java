package org.netzerocities.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.gateway.GatewayTestSupport.JWKS_PATH;
import static org.netzerocities.gateway.GatewayTestSupport.baseUrl;
import static org.netzerocities.gateway.GatewayTestSupport.echoAuthorization;
import static org.netzerocities.gateway.GatewayTestSupport.jwks;
import static org.netzerocities.gateway.GatewayTestSupport.reply;
import static org.netzerocities.gateway.GatewayTestSupport.rsaKey;
import static org.netzerocities.gateway.GatewayTestSupport.startServer;
import static org.netzerocities.gateway.GatewayTestSupport.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens while the JWKS endpoint is down, against a stand-in community-service whose JWKS can be switched
 * off. The first test needs a gateway that has never fetched the keys, hence the order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MANAGEMENT_SERVER_PORT=0",
        "NZC_JWKS_MIN_REFRESH_INTERVAL=2s",
        "NZC_JWKS_CACHE_TTL=3s" })
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningKeysOutageTest {

    private static final RSAKey SIGNING_KEY = rsaKey("outage-test");
    private static final AtomicBoolean JWKS_UP = new AtomicBoolean(false);
    private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    private static final HttpServer COMMUNITY = startServer(Map.of(
            JWKS_PATH, exchange -> {
                JWKS_FETCHES.incrementAndGet();
                if (JWKS_UP.get()) {
                    reply(exchange, 200, jwks(SIGNING_KEY));
                }
                else {
                    reply(exchange, 503, "");
                }
            },
            "/api/community/echo", echoAuthorization()));

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int serverPort;

    @DynamicPropertySource
    static void community(DynamicPropertyRegistry registry) {
        registry.add("COMMUNITY_SERVICE_URI", () -> baseUrl(COMMUNITY));
        registry.add("NZC_JWKS_URI", () -> baseUrl(COMMUNITY) + JWKS_PATH);
    }

    @AfterAll
    static void stopCommunity() {
        COMMUNITY.stop(0);
    }

    @Test
    @Order(1)
    void tokensAreA503ProblemWhileNoSigningKeysCanBeFetchedAndValidOnceTheyCan() {
        String bearer = "Bearer " + token(SIGNING_KEY, Instant.now().plusSeconds(300));
        // a request without a token needs no keys
        http.get().uri("/api/community/echo").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("anonymous");

        http.get().uri("/api/community/echo").header("Authorization", bearer).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/authentication-unavailable")
                .jsonPath("$.title").isEqualTo("Authentication unavailable")
                .jsonPath("$.status").isEqualTo(503);
        WebClient client = WebClient.create("http://localhost:" + serverPort);
        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(i -> client.get().uri("/api/community/echo").header("Authorization", bearer)
                        .exchangeToMono(response -> Mono.just(response.statusCode().value())))
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).hasSize(20).containsOnly(503);
        // a down endpoint is not hammered either: two attempts per 2 s interval, and the burst may straddle two
        assertThat(JWKS_FETCHES.get()).as("JWKS fetch attempts for 21 tokens").isLessThanOrEqualTo(4);

        JWKS_UP.set(true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/api/community/echo").header("Authorization", bearer).exchange()
                        .expectStatus().isOk()
                        .expectBody(String.class).isEqualTo(bearer));
    }

    @Test
    @Order(2)
    void signingKeysOnceFetchedOutliveAJwksOutage() {
        String bearer = "Bearer " + token(SIGNING_KEY, Instant.now().plusSeconds(300));
        JWKS_UP.set(true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/api/community/echo").header("Authorization", bearer).exchange()
                        .expectStatus().isOk());

        JWKS_UP.set(false);
        // longer than the 3 s the keys are cached for
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).untilAsserted(() ->
                http.get().uri("/api/community/echo").header("Authorization", bearer).exchange()
                        .expectStatus().isOk());
    }
}
