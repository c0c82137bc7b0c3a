package org.netzerocities.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.gateway.GatewayTestSupport.JWKS_PATH;
import static org.netzerocities.gateway.GatewayTestSupport.baseUrl;
import static org.netzerocities.gateway.GatewayTestSupport.echoAuthorization;
import static org.netzerocities.gateway.GatewayTestSupport.jwks;
import static org.netzerocities.gateway.GatewayTestSupport.reply;
import static org.netzerocities.gateway.GatewayTestSupport.rsaKey;
import static org.netzerocities.gateway.GatewayTestSupport.startServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Flux;

/**
 * The gateway's request limits at their defaults (application.yml): bodies of 1 MB, headers of 16 KB, and the
 * per-client rate limits (100 requests per 10 s; logging in 10 per minute; registering 10 per 10 minutes). Each
 * rate-limit test is a client of its own: an address of its own, which a trusted proxy (the loopback address the
 * test connects from) names in X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "MANAGEMENT_SERVER_PORT=0")
@AutoConfigureWebTestClient
class GatewayLimitsTest {

    private static final int MAX_BODY = 1024 * 1024;
    private static final RSAKey SIGNING_KEY = rsaKey("limits");
    private static final AtomicInteger BODIES_RECEIVED = new AtomicInteger();
    private static final HttpServer DOWNSTREAM = startServer(Map.of(
            JWKS_PATH, exchange -> reply(exchange, 200, jwks(SIGNING_KEY)),
            "/api/community/echo", echoAuthorization(),
            "/api/community/auth/token", exchange -> reply(exchange, 200, "{}"),
            "/api/community/members", exchange -> reply(exchange, 201, "{}"),
            "/api/campaigns/bodies", exchange -> {
                BODIES_RECEIVED.incrementAndGet();
                try (InputStream in = exchange.getRequestBody()) {
                    reply(exchange, 200, Long.toString(in.transferTo(OutputStream.nullOutputStream())));
                }
            }));

    @Autowired
    WebTestClient http;

    @Autowired
    CircuitBreakerRegistry breakers;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("COMMUNITY_SERVICE_URI", () -> baseUrl(DOWNSTREAM));
        registry.add("CAMPAIGN_SERVICE_URI", () -> baseUrl(DOWNSTREAM));
        registry.add("NZC_JWKS_URI", () -> baseUrl(DOWNSTREAM) + JWKS_PATH);
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.stop(0);
    }

    @Test
    void aBodyDeclaredLargerThanOneMegabyteIsA413ProblemAndNeverReachesTheService() {
        int before = BODIES_RECEIVED.get();
        http.post().uri("/api/campaigns/bodies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[MAX_BODY + 1]).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/request-too-large");
        assertThat(BODIES_RECEIVED.get()).isEqualTo(before);

        http.post().uri("/api/campaigns/bodies").bodyValue(new byte[MAX_BODY]).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo(Integer.toString(MAX_BODY));
    }

    /** Without Content-Length the body streams through (never buffered) and is cut once it passes the limit. */
    @Test
    void aStreamedBodyBeyondOneMegabyteIsCutWithA413ProblemThatTheCircuitBreakerIgnores() {
        WebClient client = WebClient.create("http://localhost:" + port);
        String within = client.post().uri("/api/campaigns/bodies").body(chunks(16), DataBuffer.class)
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
        assertThat(within).isEqualTo(Integer.toString(MAX_BODY));

        for (int i = 0; i < 3; i++) {
            var cut = client.post().uri("/api/campaigns/bodies").body(chunks(17), DataBuffer.class)
                    .exchangeToMono(response -> response.bodyToMono(String.class)
                            .map(body -> response.statusCode().value() + " " + response.headers().contentType()
                                    .orElseThrow() + " " + body))
                    .block(Duration.ofSeconds(10));
            assertThat(cut).startsWith("413 application/problem+json")
                    .contains("https://netzerocities.eu/problems/request-too-large");
        }
        assertThat(breakers.circuitBreaker("campaigns").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void headersBeyond16KilobytesAreA431Problem() throws IOException {
        String tooLarge = raw("GET /api/community/echo HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "a".repeat(17 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(tooLarge).startsWith("HTTP/1.1 431").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"https://netzerocities.eu/problems/headers-too-large\"");

        http.get().uri("/api/community/echo").header("X-Padding", "a".repeat(15 * 1024)).exchange()
                .expectStatus().isOk();
    }

    /** A service would refuse it with a bare 400 (it builds absolute URLs from the forwarded headers). */
    @Test
    void malformedForwardedHeadersAreA400ProblemNamingTheHeader() {
        for (Map.Entry<String, String> malformed : Map.of("X-Forwarded-Port", "eighty", "X-Forwarded-Host",
                "portal.example.org:99999", "X-Forwarded-Proto", "ht tp").entrySet()) {
            http.get().uri("/api/community/echo").header(malformed.getKey(), malformed.getValue()).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/bad-request")
                    .jsonPath("$.detail").isEqualTo("The " + malformed.getKey() + " header is malformed");
        }
        http.get().uri("/api/community/echo").header("X-Forwarded-Port", "443, 8080")
                .header("X-Forwarded-Host", "portal.example.org").header("X-Forwarded-Proto", "https").exchange()
                .expectStatus().isOk();
    }

    @Test
    void aClientBeyond100RequestsIn10SecondsIsA429ProblemWithRetryAfterAndRateLimitHeaders() {
        String client = newAddress();
        assertThat(burst(client, null, 100)).as("100 requests at once").containsOnly(200);

        EntityExchangeResult<byte[]> refused = untilRefused(client, null);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new String(refused.getResponseBodyContent(), StandardCharsets.UTF_8))
                .contains("\"type\":\"https://netzerocities.eu/problems/rate-limited\"");
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        // as Spring Cloud Gateway's RequestRateLimiter: 100 tokens a second, 10 per request, 1,000 at most
        assertThat(refused.getResponseHeaders().toSingleValueMap()).containsEntry("X-RateLimit-Replenish-Rate", "100")
                .containsEntry("X-RateLimit-Burst-Capacity", "1000").containsEntry("X-RateLimit-Requested-Tokens", "10");
        assertThat(Integer.parseInt(refused.getResponseHeaders().getFirst("X-RateLimit-Remaining"))).isLessThan(10);
    }

    @Test
    void loggingInIsLimitedTo10AMinutePerClientApartFromItsOtherRequests() {
        String client = newAddress();
        for (int i = 0; i < 10; i++) {
            logIn(client).expectStatus().isOk();
        }
        logIn(client).expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "6")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/rate-limited");

        http.get().uri("/api/community/echo").header("X-Forwarded-For", client).exchange().expectStatus().isOk();
        logIn(newAddress()).expectStatus().isOk();
    }

    @Test
    void registeringIsLimitedTo10In10MinutesPerClient() {
        String client = newAddress();
        for (int i = 0; i < 10; i++) {
            register(client).expectStatus().isCreated();
        }
        register(client).expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "60");
        register(newAddress()).expectStatus().isCreated();
    }

    /**
     * A member is counted by member id, wherever the requests come from; without a token, by address. The bucket a
     * request drew from shows in X-RateLimit-Remaining: 990 (of 1,000 tokens, 10 a request) when it was full.
     */
    @Test
    void aMemberIsCountedApartFromTheAddressAndAcrossAddresses() {
        String sharedAddress = newAddress();
        String member = "Bearer " + GatewayTestSupport.token(SIGNING_KEY, Instant.now().plusSeconds(300));
        untilRefused(sharedAddress, null);
        echo(sharedAddress, member).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "990");

        untilRefused(newAddress(), member);
        echo(newAddress(), member).expectHeader().value("X-RateLimit-Remaining",
                remaining -> assertThat(Integer.parseInt(remaining)).as("the member's bucket, nearly empty")
                        .isLessThan(500));
        echo(newAddress(), "Bearer " + GatewayTestSupport.token(SIGNING_KEY, Instant.now().plusSeconds(300)))
                .expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "990");
    }

    /** Requests as fast as they go (faster than the 10 a second the limit refills) until one is refused. */
    private EntityExchangeResult<byte[]> untilRefused(String address, String bearer) {
        for (int i = 0; i < 300; i++) {
            EntityExchangeResult<byte[]> result = echo(address, bearer).expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                return result;
            }
        }
        throw new AssertionError("no refusal within 300 requests");
    }

    /** {@code count} requests at once, their statuses. */
    private List<Integer> burst(String address, String bearer, int count) {
        WebClient client = WebClient.create("http://localhost:" + port);
        return Flux.range(0, count).flatMap(i -> client.get().uri("/api/community/echo").headers(headers -> {
            headers.set("X-Forwarded-For", address);
            if (bearer != null) {
                headers.set("Authorization", bearer);
            }
        }).exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 32)
                .collectList().block(Duration.ofSeconds(30));
    }

    private WebTestClient.ResponseSpec echo(String address, String bearer) {
        return http.get().uri("/api/community/echo").headers(headers -> {
            headers.set("X-Forwarded-For", address);
            if (bearer != null) {
                headers.set("Authorization", bearer);
            }
        }).exchange();
    }

    private WebTestClient.ResponseSpec logIn(String client) {
        return http.post().uri("/api/community/auth/token").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"a@example.org\",\"password\":\"x\"}")
                .exchange();
    }

    private WebTestClient.ResponseSpec register(String client) {
        return http.method(HttpMethod.POST).uri("/api/community/members").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    /** An address in TEST-NET-3, fresh for each client of the tests. */
    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static Flux<DataBuffer> chunks(int count) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
    }

    /** One request written as it is, and the whole answer (Netty refuses it before any client library could). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
