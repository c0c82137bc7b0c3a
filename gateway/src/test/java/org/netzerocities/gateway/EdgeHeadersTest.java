package org.netzerocities.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.gateway.GatewayTestSupport.JWKS_PATH;
import static org.netzerocities.gateway.GatewayTestSupport.baseUrl;
import static org.netzerocities.gateway.GatewayTestSupport.reply;
import static org.netzerocities.gateway.GatewayTestSupport.replyAfter;
import static org.netzerocities.gateway.GatewayTestSupport.startServer;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * What the gateway adds at the edge, against a stand-in service: the request id and trace passed to the service
 * and returned, CORS for the configured portal origins only (the service's own CORS headers dropped), and the
 * security headers, on the services' answers and on the gateway's own (its problems, its API docs page); and what
 * the lean configuration (docs/performance.md) must not cost: requests in flight are not capped per route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "MANAGEMENT_SERVER_PORT=0")
@AutoConfigureWebTestClient(timeout = "30s") // the first request of a cold gateway on a busy machine
class EdgeHeadersTest {

    private static final String PORTAL = "https://portal.example.org";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Pattern GENERATED_TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    private static final AtomicInteger SERVICE_CALLS = new AtomicInteger();
    private static final HttpServer SERVICE = startServer(Map.of(
            // answers the ids it received, and sets its own, as service-support's TraceContextFilter does
            "/api/community/ids", exchange -> {
                SERVICE_CALLS.incrementAndGet();
                var received = exchange.getRequestHeaders();
                exchange.getResponseHeaders().add("X-Request-Id", "service-" + UUID.randomUUID());
                exchange.getResponseHeaders().add("traceparent", "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01");
                reply(exchange, 200, received.getFirst("X-Request-Id") + " " + received.getFirst("traceparent"));
            },
            "/api/community/slow", replyAfter(100, "slow"),
            "/api/community/held", replyAfter(1_500, "ok"),
            // a service with a CORS policy of its own, more generous than the portal's
            "/api/community/generous", exchange -> {
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
                exchange.getResponseHeaders().add("Access-Control-Expose-Headers", "X-Secret");
                reply(exchange, 200, "ok");
            }));

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int serverPort;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("COMMUNITY_SERVICE_URI", () -> baseUrl(SERVICE));
        registry.add("NZC_JWKS_URI", () -> baseUrl(SERVICE) + JWKS_PATH);
        // the environment variable an operator sets: a list
        registry.add("NZC_PORTAL_ORIGINS", () -> PORTAL + ",https://admin.example.org");
    }

    @AfterAll
    static void stopService() {
        SERVICE.stop(0);
    }

    /**
     * The client's trace goes on through the gateway's own span: the service's parent is that span, in the client's
     * trace, and the response names it.
     */
    @Test
    void theServiceSeesTheClientsRequestIdAndTraceAndTheResponseCarriesThem() {
        String requestId = "portal-" + UUID.randomUUID();

        var result = http.get().uri("/api/community/ids").header("X-Request-Id", requestId)
                .header("traceparent", TRACEPARENT).exchange()
                .expectStatus().isOk()
                .expectHeader().values("X-Request-Id", values -> assertThat(values).containsExactly(requestId))
                .expectBody(String.class).returnResult();

        String traceparent = result.getResponseHeaders().getFirst("traceparent");
        assertThat(traceparent).matches(GENERATED_TRACEPARENT)
                .startsWith(TRACEPARENT.substring(0, 36)).isNotEqualTo(TRACEPARENT);
        assertThat(result.getResponseBody()).isEqualTo(requestId + " " + traceparent);
    }

    @Test
    void aRequestWithoutIdsGetsNewOnesWhichTheServiceSeesToo() {
        var result = http.get().uri("/api/community/ids").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();

        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        String traceparent = result.getResponseHeaders().getFirst("traceparent");
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(traceparent).matches(GENERATED_TRACEPARENT);
        assertThat(result.getResponseBody()).isEqualTo(requestId + " " + traceparent);
    }

    @Test
    void implausibleRequestIdsAndInvalidTraceparentsAreReplaced() {
        String zeroTrace = "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01";
        for (String[] sent : List.of(new String[] { "two words", "not a traceparent" },
                new String[] { "x".repeat(129), zeroTrace },
                new String[] { "forged\tINFO line", TRACEPARENT.toUpperCase() })) {
            String seen = http.get().uri("/api/community/ids").header("X-Request-Id", sent[0])
                    .header("traceparent", sent[1]).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();

            assertThat(seen.split(" ")[0]).as("request id replacing %s", sent[0]).matches("[0-9a-f]{32}");
            assertThat(seen.split(" ")[1]).as("traceparent replacing %s", sent[1]).matches(GENERATED_TRACEPARENT);
        }
        // two request ids: neither is trusted
        String seen = http.get().uri("/api/community/ids").header("X-Request-Id", "first", "second").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(seen.split(" ")[0]).matches("[0-9a-f]{32}");
    }

    @Test
    void theGatewaysOwnAnswersCarryTheIdsAndARestrictivePolicy() {
        for (var request : List.of(http.get().uri("/api/unknown"),
                http.get().uri("/api/community/ids").header("Authorization", "Bearer not.a.token"))) {
            request.header("X-Request-Id", "portal-1").exchange()
                    .expectStatus().is4xxClientError()
                    .expectHeader().valueEquals("X-Request-Id", "portal-1")
                    .expectHeader().valueMatches("traceparent", GENERATED_TRACEPARENT.pattern())
                    .expectHeader().valueEquals("Content-Security-Policy",
                            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY");
        }
    }

    @Test
    void servicesAnswersGetTheSecurityHeadersAndHstsOnlyOverHttps() {
        http.get().uri("/api/community/ids").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueMatches("Content-Security-Policy", "default-src 'none';.*")
                .expectHeader().doesNotExist("Strict-Transport-Security");
        // as the TLS-terminating ingress (a trusted proxy: loopback here) says
        http.get().uri("/api/community/ids").header("X-Forwarded-Proto", "https").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void aPreflightFromAPortalOriginIsAnsweredByTheGatewayAlone() {
        int serviceCalls = SERVICE_CALLS.get();
        for (String origin : List.of(PORTAL, "https://admin.example.org")) {
            http.options().uri("/api/community/ids").header("Origin", origin)
                    .header("Access-Control-Request-Method", "PATCH")
                    .header("Access-Control-Request-Headers", "authorization, content-type, x-request-id")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("Access-Control-Allow-Origin", origin)
                    .expectHeader().value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("PATCH"))
                    .expectHeader().valueEquals("Access-Control-Max-Age", "3600");
        }
        assertThat(SERVICE_CALLS.get()).as("service calls for preflights").isEqualTo(serviceCalls);
    }

    @Test
    void otherOriginsAreRefusedCorsWithAProblem() {
        http.options().uri("/api/community/ids").header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/cors-refused");
        http.options().uri("/api/community/ids").header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-unlisted").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.options().uri("/api/community/ids").header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "TRACE").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/community/generous").header("Origin", "https://evil.example.com").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void theServicesOwnCorsHeadersAreDroppedLeavingTheGatewaysOnce() {
        http.get().uri("/api/community/generous").header("Origin", PORTAL).exchange()
                .expectStatus().isOk()
                .expectHeader().values("Access-Control-Allow-Origin", values -> assertThat(values).containsExactly(PORTAL))
                .expectHeader().doesNotExist("Access-Control-Allow-Credentials")
                .expectHeader().values("Access-Control-Expose-Headers", values -> assertThat(String.join(",", values))
                        .contains("X-Request-Id").doesNotContain("X-Secret"));
        // without an Origin (not a browser's cross-origin request) no CORS header at all, the service's neither
        http.get().uri("/api/community/generous").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    /**
     * As many requests in flight on one route as clients make: live notification streams stay open for hours, so
     * a cap per route (Spring Cloud Circuit Breaker's default bulkhead: 25) would refuse the 26th listener.
     */
    @Test
    void moreRequestsInFlightOnARouteThanADefaultBulkheadAllowsAreAllServed() {
        var connections = ConnectionProvider.create("many-clients", 40);
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + serverPort)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))).build();
        try {
            List<Integer> statuses = Flux.range(0, 40)
                    .flatMap(i -> client.get().uri("/api/community/held")
                            .exchangeToMono(response -> Mono.just(response.statusCode().value())), 40)
                    .collectList().block(Duration.ofSeconds(30));

            assertThat(statuses).hasSize(40).containsOnly(200);
        }
        finally {
            connections.dispose();
        }
    }

    /**
     * A client may send its next request on a kept-alive connection before the gateway has finished with the one
     * before, or pipeline two in one write (HTTP/1.1 allows both): every request is answered, and the connection
     * goes on reading. Reactor Netty 1.3.6 stopped reading such a connection once a queued request had been
     * answered at once (reactor-netty#4361): the next request on it waited forever.
     */
    @Test
    void aKeptAliveConnectionIsReadOnAfterPipelinedRequests() throws IOException {
        try (Socket socket = new Socket("localhost", serverPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());

            // the first answered by the service after a while, the second by the gateway itself at once
            out.write((get("/api/community/slow") + get("/api/unknown")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(status(in)).isEqualTo(200);
            assertThat(status(in)).isEqualTo(404);

            out.write(get("/api/community/ids").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(status(in)).as("the next request on the connection").isEqualTo(200);
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** Reads one whole response off the connection, its body sized by Content-Length or chunked, and its status. */
    private static int status(InputStream in) throws IOException {
        String statusLine = line(in);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String name = header.substring(0, header.indexOf(':')).trim();
            String value = header.substring(header.indexOf(':') + 1).trim();
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                length = Long.parseLong(value);
            }
            else if (name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)) {
                chunked = value.equalsIgnoreCase("chunked");
            }
        }
        if (chunked) {
            for (long chunk = Long.parseLong(line(in).split(";")[0], 16); chunk > 0;
                    chunk = Long.parseLong(line(in).split(";")[0], 16)) {
                in.readNBytes((int) chunk);
                line(in);
            }
            line(in);
        }
        else {
            in.readNBytes((int) length);
        }
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int read = in.read(); read != '\n'; read = in.read()) {
            if (read < 0) {
                throw new EOFException("connection closed after: " + line);
            }
            if (read != '\r') {
                line.append((char) read);
            }
        }
        return line.toString();
    }

    /** The page's scripts and styles all come from the gateway, none inline, and its policy lets them load. */
    @Test
    void theApiDocsPageLoadsUnderItsPolicy() {
        String location = http.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        var page = http.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        Matcher resources = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
        List<String> loaded = resources.results().map(match -> match.group(1)).toList();
        assertThat(loaded).isNotEmpty().noneMatch(url -> url.contains("//"));
        URI base = URI.create(location);
        for (String resource : loaded) {
            // the body read and released (some are larger than the client buffers), so its connection is free again
            long length = http.get().uri(base.resolve(resource).toString()).exchange().expectStatus().isOk()
                    .returnResult(Void.class).getResponseHeaders().getContentLength();
            assertThat(length).as(resource).isPositive();
        }
        String initializer = http.get().uri(base.resolve("swagger-initializer.js").toString()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(initializer).contains("/v3/api-docs/swagger-config");
        http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("json"))
                .expectBody().jsonPath("$.configUrl").isEqualTo("/v3/api-docs/swagger-config");
    }
}
