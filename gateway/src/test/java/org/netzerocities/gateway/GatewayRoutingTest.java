package org.netzerocities.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.gateway.GatewayTestSupport.JWKS_PATH;
import static org.netzerocities.gateway.GatewayTestSupport.baseUrl;
import static org.netzerocities.gateway.GatewayTestSupport.echoAuthorization;
import static org.netzerocities.gateway.GatewayTestSupport.jwks;
import static org.netzerocities.gateway.GatewayTestSupport.reply;
import static org.netzerocities.gateway.GatewayTestSupport.replyAfter;
import static org.netzerocities.gateway.GatewayTestSupport.rsaKey;
import static org.netzerocities.gateway.GatewayTestSupport.startServer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.http.HttpMethod;
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
 * Routing, token validation, circuit-breaker fallbacks and the operations port against a real HTTP server
 * standing in for the services (one healthy, one slow, one not listening at all) and the JWKS endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // through the variable the launcher sets, so a gateway that ignores it fails here
        properties = "MANAGEMENT_SERVER_PORT=0")
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    private static final RSAKey SIGNING_KEY = rsaKey("test");
    private static final RSAKey UNPUBLISHED_KEY = rsaKey("unpublished");
    private static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    private static final AtomicLong SECOND_EVENT_SENT_AT = new AtomicLong();
    private static final HttpServer DOWNSTREAM = startDownstream();

    @Autowired
    WebTestClient http;

    @Autowired
    List<HttpHeadersFilter> headersFilters;

    @LocalServerPort
    int serverPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RouteLocator routes;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String downstream = baseUrl(DOWNSTREAM);
        registry.add("COMMUNITY_SERVICE_URI", () -> downstream);
        registry.add("CAMPAIGN_SERVICE_URI", () -> downstream);
        registry.add("NOTIFICATION_SERVICE_URI", () -> downstream);
        registry.add("LEARNING_SERVICE_URI", () -> "http://localhost:1"); // nothing listens there
        registry.add("NZC_JWKS_URI", () -> downstream + JWKS_PATH);
        registry.add("resilience4j.timelimiter.configs.default.timeout-duration", () -> "1s");
        // as an operator may set for all routes: the longest silence between two reads of a response
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "2s");
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.stop(0);
    }

    @Test
    void routesToTheOwningServiceAndForwardsAValidToken() {
        String token = token(Instant.now().plusSeconds(300));

        http.get().uri("/api/community/echo").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Bearer " + token);
        http.get().uri("/api/community/echo").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("anonymous");
    }

    /** So that absolute URLs the services answer (a calendar feed's, a Location) name the gateway, not themselves. */
    @Test
    void servicesLearnHowTheClientReachedTheGateway() {
        String seen = WebClient.create("http://localhost:" + serverPort).get().uri("/api/community/forwarded")
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
        assertThat(seen).isEqualTo("http://localhost:" + serverPort);
    }

    /** Path traversal in an id is refused at the gate, with a problem (not the firewall's empty 400). */
    @Test
    void aPathThatWalksOutOfItsRouteIsABadRequestProblem() {
        for (String path : List.of("/api/community/pins/..%2f..%2factuator", "/api/community/pins/%2e%2e%2fx",
                "/api/community/pins/..%5cx", "/api/community/pins/x;jsessionid=1", "/api/community/pins/%00")) {
            http.get().uri(URI.create("http://localhost:" + serverPort + path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/http-400");
        }
    }

    @Test
    void invalidOrExpiredTokenIsRejectedAtTheGate() {
        http.get().uri("/api/community/echo").header("Authorization", "Bearer not.a.token").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/unauthenticated");
        http.get().uri("/api/community/echo")
                .header("Authorization", "Bearer " + token(Instant.now().minusSeconds(300))).exchange()
                .expectStatus().isUnauthorized();
    }

    /** Each is otherwise valid and names the published key; the gateway refuses it before any service sees it. */
    static Stream<Arguments> forgedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("not valid before an hour from now", GatewayTestSupport.token(SIGNING_KEY,
                        claims -> claims.notBeforeTime(Date.from(now.plusSeconds(3600))))),
                Arguments.of("issued an hour from now", GatewayTestSupport.token(SIGNING_KEY, claims -> claims
                        .issueTime(Date.from(now.plusSeconds(3600))).expirationTime(Date.from(now.plusSeconds(7200))))),
                Arguments.of("of another issuer", GatewayTestSupport.token(SIGNING_KEY,
                        claims -> claims.issuer("https://issuer.example.org"))),
                Arguments.of("signed with another key under the published key id",
                        GatewayTestSupport.token(rsaKey(SIGNING_KEY.getKeyID()), claims -> claims)),
                Arguments.of("alg none", GatewayTestSupport.unsignedToken(SIGNING_KEY)),
                Arguments.of("HS256 keyed with the public key", GatewayTestSupport.hs256WithPublicKey(SIGNING_KEY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void aForgedTokenIsA401ProblemAtTheGate(String flaw, String token) {
        http.get().uri("/api/community/echo").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/unauthenticated");
    }

    /** A client that is no trusted proxy still reaches the services under its own address, not the gateway's. */
    @Test
    void theClientsAddressIsForwardedAfterTheForwardedHeadersFilterHasHadItsSay() {
        List<String> order = headersFilters.stream().map(filter -> filter.getClass().getSimpleName()).toList();
        assertThat(order).containsSubsequence(XForwardedHeadersFilter.class.getSimpleName(), "ClientAddressHeader");
    }

    @Test
    void tokensWithAnUnknownKeyIdAre401AndDoNotMakeTheGatewayRefetchTheKeysEachTime() {
        String valid = "Bearer " + token(Instant.now().plusSeconds(300));
        String unknownKey = "Bearer " + GatewayTestSupport.token(UNPUBLISHED_KEY, Instant.now().plusSeconds(300));
        http.get().uri("/api/community/echo").header("Authorization", valid).exchange().expectStatus().isOk();
        int fetchesBefore = JWKS_FETCHES.get();

        http.get().uri("/api/community/echo").header("Authorization", unknownKey).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/unauthenticated");
        WebClient client = WebClient.create("http://localhost:" + serverPort);
        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(i -> client.get().uri("/api/community/echo").header("Authorization", unknownKey)
                        .exchangeToMono(response -> Mono.just(response.statusCode().value())))
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(40).containsOnly(401);
        // Nimbus's rate limiter lets at most two fetches through per interval (30 s here)
        assertThat(JWKS_FETCHES.get() - fetchesBefore).as("JWKS fetches for 41 unknown key ids").isLessThanOrEqualTo(2);
        http.get().uri("/api/community/echo").header("Authorization", valid).exchange().expectStatus().isOk();
    }

    @Test
    void serviceThatIsDownIsA503Problem() {
        http.get().uri("/api/learning/program").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/service-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("learning"));
    }

    @Test
    void fallbackIsReachableOnlyThroughACircuitBreaker() {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
            http.method(method).uri("/fallback/community").exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/not-found");
        }
        http.get().uri("/api/learning/program").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/service-unavailable");
    }

    @Test
    void serviceSlowerThanTheTimeLimitIsA504Problem() {
        http.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/campaigns/slow").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/service-timeout");
    }

    /**
     * A live stream, silent between two events for longer than the circuit breaker's time limit and the response
     * timeout, is not cut (both bound only the wait for the response's headers, which a stream sends at once), and
     * each event reaches the client when it is sent, not when the stream ends.
     */
    @Test
    void theNotificationStreamIsNeitherCutByTheTimeLimitNorBuffered() {
        List<Long> receivedAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> events = WebClient.create("http://localhost:" + serverPort).get()
                .uri("/api/notifications/stream?ticket=t-1").accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(new org.springframework.core.ParameterizedTypeReference<
                        org.springframework.http.codec.ServerSentEvent<String>>() { })
                .doOnNext(event -> receivedAt.add(System.nanoTime()))
                .map(event -> event.id() + ":" + event.data())
                .collectList().block(Duration.ofSeconds(10));

        assertThat(events).containsExactly("1:first", "2:second");
        assertThat(receivedAt.get(0)).as("the first event arrived before the second was sent")
                .isLessThan(SECOND_EVENT_SENT_AT.get());
    }

    /** Even the wait for its first bytes: a stream's service may be slow to open it without anything being wrong. */
    @Test
    void theNotificationStreamHasNoTimeLimitEvenForItsHeaders() {
        List<String> events = WebClient.create("http://localhost:" + serverPort).get()
                .uri("/api/notifications/stream?ticket=t-2&late=true").accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(new org.springframework.core.ParameterizedTypeReference<
                        org.springframework.http.codec.ServerSentEvent<String>>() { })
                .map(event -> event.id() + ":" + event.data())
                .collectList().block(Duration.ofSeconds(15));

        assertThat(events).containsExactly("1:first", "2:second");
    }

    /** Both give up on a slow service at the same moment; the stream has neither. */
    @Test
    void eachRoutesResponseTimeoutIsItsCircuitBreakersTimeLimit() {
        Map<String, Object> timeouts = routes.getRoutes()
                .collectMap(Route::getId, route -> route.getMetadata().get(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR))
                .block(Duration.ofSeconds(5));

        // the time limit of this test: 1 s
        assertThat(timeouts).containsOnly(Map.entry("community", 1_000L), Map.entry("learning", 1_000L),
                Map.entry("campaigns", 1_000L), Map.entry("notifications", 1_000L),
                Map.entry("notification-stream", -1L));
    }

    @Test
    void unknownPathIsA404Problem() {
        http.get().uri("/api/unknown").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void operationsEndpointsAnswerOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(serverPort);
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));

        for (String path : List.of("/actuator", "/actuator/health/readiness", "/actuator/prometheus")) {
            http.get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/not-found");
        }
    }

    @Test
    void aggregatesTheServicesApiDocs() {
        http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.urls[*].url").value(urls -> assertThat(urls.toString().replace("\\/", "/"))
                        .contains("/api/community/v3/api-docs", "/api/notifications/v3/api-docs"));
    }

    private static String token(Instant expiry) {
        return GatewayTestSupport.token(SIGNING_KEY, expiry);
    }

    private static HttpServer startDownstream() {
        return startServer(Map.of(
                JWKS_PATH, exchange -> {
                    JWKS_FETCHES.incrementAndGet();
                    reply(exchange, 200, jwks(SIGNING_KEY));
                },
                "/api/community/echo", echoAuthorization(),
                "/api/community/forwarded", exchange -> reply(exchange, 200,
                        exchange.getRequestHeaders().getFirst("X-Forwarded-Proto") + "://"
                                + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")),
                "/api/notifications/stream", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                    try {
                        if (exchange.getRequestURI().getQuery().contains("late=true")) {
                            // longer than the time limit (1 s) and the response timeout (2 s)
                            Thread.sleep(2_500);
                        }
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(200, 0);
                    try (var out = exchange.getResponseBody()) {
                        out.write("id:1\nevent:notification\ndata:first\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        // silent for longer than the other routes' time limit (1 s) and response timeout (2 s)
                        Thread.sleep(2_500);
                        SECOND_EVENT_SENT_AT.set(System.nanoTime());
                        out.write("id:2\nevent:notification\ndata:second\n\n".getBytes(StandardCharsets.UTF_8));
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                },
                "/api/campaigns/slow", replyAfter(3_000, "late")));
    }
}
