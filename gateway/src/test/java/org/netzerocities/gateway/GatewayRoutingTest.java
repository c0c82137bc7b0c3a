package org.netzerocities.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Routing, token validation and circuit-breaker fallbacks against a real HTTP server standing in for
 * the services (one healthy, one slow, one not listening at all).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // through the variable the launcher sets, so a gateway that ignores it fails here
        properties = "MANAGEMENT_SERVER_PORT=0")
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    private static final String ISSUER = "http://localhost:8080/api/community";
    private static final RSAKey SIGNING_KEY = generateKey();
    private static final HttpServer DOWNSTREAM = startDownstream();

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int serverPort;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String downstream = "http://localhost:" + DOWNSTREAM.getAddress().getPort();
        registry.add("COMMUNITY_SERVICE_URI", () -> downstream);
        registry.add("CAMPAIGN_SERVICE_URI", () -> downstream);
        registry.add("LEARNING_SERVICE_URI", () -> "http://localhost:1"); // nothing listens there
        registry.add("NZC_JWKS_URI", () -> downstream + "/api/community/.well-known/jwks.json");
        registry.add("resilience4j.timelimiter.configs.default.timeout-duration", () -> "1s");
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

        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus")) {
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
        try {
            var claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(UUID.randomUUID().toString())
                    .issueTime(Date.from(expiry.minusSeconds(600))).expirationTime(Date.from(expiry)).build();
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING_KEY.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(SIGNING_KEY));
            return jwt.serialize();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static HttpServer startDownstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/community/.well-known/jwks.json",
                    exchange -> reply(exchange, new JWKSet(SIGNING_KEY.toPublicJWK()).toString()));
            server.createContext("/api/community/echo", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                reply(exchange, auth == null ? "anonymous" : auth);
            });
            server.createContext("/api/campaigns/slow", exchange -> {
                try {
                    Thread.sleep(3_000);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, "late");
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
