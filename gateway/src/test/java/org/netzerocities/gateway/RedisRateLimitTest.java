package org.netzerocities.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.netzerocities.gateway.GatewayTestSupport.JWKS_PATH;
import static org.netzerocities.gateway.GatewayTestSupport.baseUrl;
import static org.netzerocities.gateway.GatewayTestSupport.echoAuthorization;
import static org.netzerocities.gateway.GatewayTestSupport.jwks;
import static org.netzerocities.gateway.GatewayTestSupport.reply;
import static org.netzerocities.gateway.GatewayTestSupport.rsaKey;
import static org.netzerocities.gateway.GatewayTestSupport.startServer;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

/**
 * The rate limits shared by gateway instances ({@code nzc.gateway.rate-limit.store=redis}: Spring Cloud Gateway's
 * RedisRateLimiter) against a real Redis: Debian's {@code redis-server}, started on a free port for this class.
 * Without the binary the class is skipped ({@code apt-get install redis-server}; CI installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MANAGEMENT_SERVER_PORT=0", "NZC_GATEWAY_RATE_LIMIT_STORE=redis" })
@AutoConfigureWebTestClient
class RedisRateLimitTest {

    private static final RSAKey SIGNING_KEY = rsaKey("redis");
    private static final HttpServer COMMUNITY = startServer(Map.of(
            JWKS_PATH, exchange -> reply(exchange, 200, jwks(SIGNING_KEY)),
            "/api/community/echo", echoAuthorization(),
            "/api/community/auth/token", exchange -> reply(exchange, 200, "{}")));
    private static Process redis;
    private static int redisPort;

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveStringRedisTemplate redisTemplate;

    @BeforeAll
    static void startRedis() throws Exception {
        Path binary = redisServerBinary();
        assumeTrue(binary != null, "redis-server is not installed (apt-get install redis-server): Redis-backed "
                + "rate limits not tested");
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        File log = Files.createTempFile("redis-", ".log").toFile();
        redis = new ProcessBuilder(binary.toString(), "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(log).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!accepts(redisPort)) {
            if (!redis.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start: " + Files.readString(log.toPath()));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        COMMUNITY.stop(0);
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("COMMUNITY_SERVICE_URI", () -> baseUrl(COMMUNITY));
        registry.add("NZC_JWKS_URI", () -> baseUrl(COMMUNITY) + JWKS_PATH);
        registry.add("REDIS_URL", () -> "redis://127.0.0.1:" + redisPort);
    }

    @Test
    void loggingInBeyond10AMinuteIsA429ProblemCountedInRedisWhereEveryInstanceSeesIt() {
        String client = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 254));
        for (int i = 0; i < 10; i++) {
            logIn(client).expectStatus().isOk();
        }
        logIn(client).expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "6")
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "600")
                .expectHeader().valueEquals("X-RateLimit-Requested-Tokens", "60")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://netzerocities.eu/problems/rate-limited");

        List<String> keys = redisTemplate.keys("request_rate_limiter.{auth-token.address:" + client + "}.*")
                .collectList().block(Duration.ofSeconds(5));
        assertThat(keys).as("the client's bucket in Redis").hasSize(2);
        // what another gateway instance would find in Redis decides: emptied there, the client may log in again
        redisTemplate.delete(keys.toArray(String[]::new)).block(Duration.ofSeconds(5));
        logIn(client).expectStatus().isOk();
    }

    @Test
    void otherRequestsAreCountedInRedisUnderTheGeneralLimit() {
        String client = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 254));
        http.get().uri("/api/community/echo").header("X-Forwarded-For", client).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "990")
                .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "1000");
        assertThat(redisTemplate.hasKey("request_rate_limiter.{general.address:" + client + "}.tokens")
                .block(Duration.ofSeconds(5))).isTrue();
    }

    private WebTestClient.ResponseSpec logIn(String client) {
        return http.post().uri("/api/community/auth/token").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    private static Path redisServerBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException notYet) {
            return false;
        }
    }
}
