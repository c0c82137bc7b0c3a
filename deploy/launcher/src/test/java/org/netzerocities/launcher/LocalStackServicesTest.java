package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service half of the launcher against stand-in jars ({@link FakeServiceMain}) and an external (unused)
 * MongoDB and Kafka, so it runs in seconds: start order, environment, readiness, restart of one service, failures.
 */
class LocalStackServicesTest {

    @TempDir
    Path repoRoot;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> reports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void fakeJars() throws IOException {
        Path testClasses = Paths.get(FakeServiceMain.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        for (Service service : Service.values()) {
            Path jar = repoRoot.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeServiceMain.class.getName());
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toUri().toString());
            try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.flush();
            }
        }
    }

    private StackOptions.Builder options() {
        return StackOptions.builder()
                .repoRoot(repoRoot)
                .dataDir(repoRoot.resolve("data"))
                .cacheDir(repoRoot.resolve("cache"))
                .freePorts()
                .externalMongo("mongodb://localhost:1")
                .externalKafka("localhost:2")
                .serviceJavaOpts(List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .readinessTimeout(Duration.ofSeconds(30))
                .reporter(line -> {
                    reports.add(line);
                    System.out.println("[nzc] " + line);
                });
    }

    @Test
    void startsEveryServiceWithItsEnvironmentAndRestartsOne() throws Exception {
        try (LocalStack stack = new LocalStack(options()
                .env(Service.COMMUNITY, "FAKE_READY_DELAY_MS", "700")
                .env("NZC_ADMIN_EMAIL", "ops@example.org")
                .build()).start()) {

            assertThat(reports).filteredOn(line -> line.contains(": ready after")).hasSize(5)
                    .first().asString().startsWith("community-service");
            assertThat(stack.startupTimes()).containsKeys("community-service", "learning-service",
                    "campaign-service", "notification-service", "gateway", "total");

            String gatewayEnv = get(stack.gatewayUrl() + "/env");
            assertThat(gatewayEnv)
                    .contains("SERVER_PORT=" + stack.options().port(Service.GATEWAY))
                    .contains("MANAGEMENT_SERVER_PORT=" + stack.options().gatewayManagementPort())
                    .contains("COMMUNITY_SERVICE_URI=" + stack.serviceUrl("community"))
                    .contains("NOTIFICATION_SERVICE_URI=" + stack.serviceUrl("notification"))
                    .contains("NZC_JWKS_URI=" + stack.serviceUrl("community") + "/api/community/.well-known/jwks.json")
                    .contains("KAFKA_BOOTSTRAP_SERVERS=localhost:2")
                    .contains("MONGODB_URI=mongodb://localhost:1")
                    .contains("NZC_ADMIN_EMAIL=ops@example.org")
                    .contains("PATH=");
            assertThat(repoRoot.resolve("data/logs/learning-service.log")).content().contains("fake service listening");
            assertThat(stack.actuatorUrl(Service.GATEWAY))
                    .isEqualTo("http://localhost:" + stack.options().gatewayManagementPort());
            assertThat(get(stack.actuatorUrl(Service.GATEWAY) + "/actuator/health/readiness")).contains("UP");
            assertThat(get(stack.serviceUrl(Service.LEARNING) + "/env")).doesNotContain("MANAGEMENT_SERVER_PORT");
            assertThat(get(stack.serviceUrl(Service.NOTIFICATION) + "/env"))
                    .contains("SMTP_HOST=localhost", "SMTP_PORT=" + stack.options().mailSmtpPort());
            assertThat(get("http://localhost:" + stack.options().mailWebPort() + "/api/service/readiness"))
                    .as("the local mail sink, where the emails are seen").isNotBlank();

            stack.stopService("learning");
            assertThat(stack.isRunning("learning-service")).isFalse();
            stack.startService("learning-service");
            assertThat(get(stack.serviceUrl("learning") + "/actuator/health/readiness")).contains("UP");
        }
        assertThat(reports).contains("gateway: stopping").anyMatch(l -> l.startsWith("community-service: stopped"));
        assertThat(reports).noneMatch(l -> l.contains("unexpectedly"));
        assertThat(repoRoot.resolve("data/run")).isEmptyDirectory();
    }

    @Test
    void aServiceThatDiesFailsTheStartWithItsLogAndStopsTheOthers() {
        LocalStack stack = new LocalStack(options().env(Service.CAMPAIGN, "FAKE_EXIT_CODE", "3").build());

        assertThatThrownBy(stack::start)
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("campaign-service: failed, exited with code 3")
                .hasMessageContaining("APPLICATION FAILED TO START: fake failure");
        assertThat(stack.isRunning("community")).isFalse();
        assertThat(stack.isRunning("gateway")).isFalse();
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
