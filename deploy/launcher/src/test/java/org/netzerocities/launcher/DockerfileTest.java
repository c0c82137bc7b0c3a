package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * The rules a Dockerfile linter would enforce on deploy/docker/Dockerfile (hadolint is not packaged for Debian, and no
 * image can be built in CI: no registry serves the base image), and the health check script the images run.
 */
class DockerfileTest {

    private static final Path ROOT = StackOptions.findRepoRoot();
    private static final Path DOCKERFILE = ROOT.resolve("deploy/docker/Dockerfile");
    private static final Path HEALTHCHECK = ROOT.resolve("deploy/docker/healthcheck.sh");

    /** One instruction per entry (continuation lines joined, comments dropped), keyword upper-cased first. */
    private static List<String> instructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                instructions.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        return instructions;
    }

    /** The instructions of the last stage: what the image that runs consists of. */
    private static List<String> runtimeStage() throws IOException {
        List<String> all = instructions();
        int lastFrom = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return all.subList(lastFrom, all.size());
    }

    private static List<String> starting(List<String> instructions, String keyword) {
        return instructions.stream().filter(instruction -> instruction.startsWith(keyword + " ")).toList();
    }

    @Test
    void theImageRunsAsAnUnprivilegedUser() throws IOException {
        List<String> users = starting(runtimeStage(), "USER");
        assertThat(users).as("a USER in the runtime stage").isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0].strip();
        assertThat(user).isNotIn("root", "0");
        int userAt = runtimeStage().indexOf(users.get(users.size() - 1));
        assertThat(runtimeStage().subList(userAt, runtimeStage().size()))
                .as("nothing after USER runs as root").noneMatch(instruction -> instruction.startsWith("RUN "));
    }

    @Test
    void everyStageStartsFromOnePinnedBaseImageThatComposeKeepsAsItsDefault() throws IOException {
        List<String> froms = starting(instructions(), "FROM");
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(from -> assertThat(from).startsWith("FROM ${BASE_IMAGE}"));
        String declared = starting(instructions(), "ARG").stream()
                .filter(arg -> arg.startsWith("ARG BASE_IMAGE="))
                .findFirst().orElseThrow().substring("ARG BASE_IMAGE=".length());
        assertThat(declared).contains(":").doesNotEndWith(":latest");
        assertThat(declared.substring(declared.indexOf(':') + 1)).as("a version in the tag").containsPattern("\\d");
        assertThat(instructions()).noneMatch(instruction -> instruction.contains(":latest"));

        Matcher composeDefaults = Pattern.compile("\\$\\{NZC_BASE_IMAGE:-([^}]+)}")
                .matcher(Files.readString(ROOT.resolve("deploy/docker-compose.yml")));
        int found = 0;
        while (composeDefaults.find()) {
            assertThat(composeDefaults.group(1)).isEqualTo(declared);
            found++;
        }
        assertThat(found).as("docker-compose.yml builds every image on BASE_IMAGE").isEqualTo(Service.values().length);
    }

    @Test
    void theHealthCheckAsksForReadinessWithTheScriptCopiedIntoTheImage() throws IOException {
        List<String> healthchecks = starting(runtimeStage(), "HEALTHCHECK");
        assertThat(healthchecks).hasSize(1);
        assertThat(healthchecks.get(0)).contains("CMD [\"nzc-healthcheck\", \"/actuator/health/readiness\"]");
        assertThat(runtimeStage()).contains("COPY deploy/docker/healthcheck.sh /usr/local/bin/nzc-healthcheck");
        assertThat(Files.isExecutable(HEALTHCHECK)).as("healthcheck.sh is executable (git keeps the mode)").isTrue();
    }

    @Test
    void theHeapFollowsTheContainerLimitAndTheJvmReceivesSigterm() throws IOException {
        String runtime = String.join("\n", runtimeStage());
        assertThat(runtime).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError")
                .doesNotContain("-Xmx");
        List<String> entrypoints = starting(runtimeStage(), "ENTRYPOINT");
        assertThat(entrypoints).hasSize(1);
        assertThat(entrypoints.get(0)).startsWith("ENTRYPOINT [")
                .contains("exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher");
    }

    /** Spring Boot's layers, least changing first, so that a code change ships only the last one. */
    @Test
    void theJarLayersAreCopiedInTheOrderTheJarDeclares() throws IOException {
        assertThat(instructions()).anyMatch(instruction ->
                instruction.contains("java -Djarmode=tools -jar app.jar extract --layers --launcher"));
        List<String> copied = starting(runtimeStage(), "COPY").stream()
                .filter(copy -> copy.startsWith("COPY --from=layers "))
                .flatMap(copy -> Pattern.compile("/extracted/([^/ ]+)/").matcher(copy).results()
                        .map(layer -> layer.group(1)))
                .toList();
        List<String> expected = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(copied).isEqualTo(expected);
        // and the jar the build packages declares these layers, in this order
        Path jar = ROOT.resolve("gateway/target/gateway.jar");
        if (Files.isRegularFile(jar)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                String index = new String(zip.getInputStream(zip.getEntry("BOOT-INF/layers.idx")).readAllBytes());
                List<String> declared = index.lines().filter(line -> line.startsWith("- \""))
                        .map(line -> line.substring(3, line.length() - 2)).toList();
                assertThat(declared).isEqualTo(expected);
            }
        }
    }

    @Test
    void theBuildContextLetsInWhatTheDockerfileCopiesAndNothingElse() throws IOException {
        List<String> rules = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(rules.get(0)).as("everything is excluded first").isEqualTo("*");
        List<PathMatcher> allowed = rules.subList(1, rules.size()).stream()
                .peek(rule -> assertThat(rule).startsWith("!"))
                // the classic builder skips an excluded folder unless an exception names it without wildcards
                .peek(rule -> assertThat(rule.substring(0, Math.max(0, rule.lastIndexOf('/'))))
                        .as("folders of %s", rule).doesNotContain("*", "?", "["))
                .map(rule -> FileSystems.getDefault().getPathMatcher("glob:" + rule.substring(1)))
                .toList();
        for (String copy : starting(instructions(), "COPY")) {
            if (copy.startsWith("COPY --from=")) {
                continue;
            }
            String source = copy.split(" ")[1];
            for (Service service : Service.values()) {
                Path path = Path.of(source.replace("${SERVICE}", service.module()));
                assertThat(allowed).as("%s reaches the build context", path).anyMatch(rule -> rule.matches(path));
            }
        }
    }

    @Test
    void theHealthCheckPassesOnlyWhenTheEndpointAnswers200() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/starting", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String port = Integer.toString(server.getAddress().getPort());
            String closed = Integer.toString(closedPort());
            assertThat(healthcheck(Map.of("SERVER_PORT", port), "/ready")).isZero();
            assertThat(healthcheck(Map.of("SERVER_PORT", port), "/starting")).isNotZero();
            assertThat(healthcheck(Map.of("SERVER_PORT", closed), "/ready")).isNotZero();
            // the gateway image asks its management port, not the portal port
            assertThat(healthcheck(Map.of("SERVER_PORT", closed, "NZC_IMAGE_MANAGEMENT_PORT", port), "/ready"))
                    .isZero();
            assertThat(healthcheck(Map.of("SERVER_PORT", closed, "NZC_IMAGE_MANAGEMENT_PORT", closed,
                    "MANAGEMENT_SERVER_PORT", port), "/ready")).isZero();
        } finally {
            server.stop(0);
        }
    }

    private static int healthcheck(Map<String, String> environment, String path) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Arrays.asList("bash", HEALTHCHECK.toString(), path))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.contains("PORT"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("health check finished").isTrue();
        return process.exitValue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
