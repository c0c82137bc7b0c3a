package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/docker-compose.yml as Compose itself reads it: {@code docker-compose config} (Debian's docker-compose, which
 * {@code .ci/run} installs) validates the file against the Compose schema and resolves anchors, merges and variables
 * with the placeholders of compose.env.example; the checks below read that resolved form. No image is pulled or
 * started: no registry serves these machines (docs stack-notes). Skipped, with the reason, where the binary is
 * missing. Prometheus and Grafana provisioning are checked against the same resolved file.
 */
class ComposeFileTest {

    private static final Path ROOT = StackOptions.findRepoRoot();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final String DOCKERFILE = "deploy/docker/Dockerfile";

    /** The services and gateway, as docker-compose config resolved them; null when docker-compose is missing. */
    private static Map<String, Map<String, Object>> services;
    private static String skipReason;

    @BeforeAll
    static void resolveComposeFile() throws Exception {
        Path binary = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "docker-compose"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (binary == null) {
            skipReason = "docker-compose is not installed (apt-get install docker-compose; .ci/run does)";
            return;
        }
        Process process = new ProcessBuilder(binary.toString(), "--env-file", "deploy/compose.env.example",
                "-f", "deploy/docker-compose.yml", "config")
                .directory(ROOT.toFile())
                .redirectErrorStream(false)
                .start();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose config finished").isTrue();
        assertThat(process.exitValue()).as("docker-compose config rejects the file: %s", stderr).isZero();
        Map<String, Object> resolved = new Yaml().load(new String(stdout, StandardCharsets.UTF_8));
        services = map(resolved.get("services"));
    }

    private static Map<String, Map<String, Object>> services() {
        assumeTrue(services != null, () -> skipReason);
        return services;
    }

    @Test
    void everyServiceAndTheGatewayIsBuiltFromTheSharedDockerfileWithItsModuleAndPort() {
        for (Service service : Service.values()) {
            Map<String, Object> container = services().get(service.module());
            assertThat(container).as("compose service %s", service.module()).isNotNull();
            Map<String, Object> build = map(container.get("build"));
            assertThat(Path.of((String) build.get("context"))).isEqualTo(ROOT);
            assertThat(build.get("dockerfile")).isEqualTo(DOCKERFILE);
            Map<String, Object> args = map(build.get("args"));
            assertThat(args.get("SERVICE")).isEqualTo(service.module());
            assertThat(args.get("PORT")).hasToString(Integer.toString(service.defaultPort()));
            assertThat((String) container.get("image")).startsWith("nzc/" + service.module() + ":");
        }
    }

    @Test
    void everyContainerHasAMemoryLimitAndAPinnedImage() {
        services().forEach((name, container) -> {
            assertThat(container.get("mem_limit")).as("%s mem_limit", name).isNotNull();
            String image = (String) container.get("image");
            assertThat(image).as("%s image", name).isNotNull().doesNotEndWith(":latest");
            assertThat(image.substring(image.lastIndexOf('/') + 1)).as("%s image tag", name).contains(":");
        });
    }

    @Test
    void everyJvmOutlivesSpringsShutdownPhaseBeforeDockerKillsIt() {
        for (Service service : Service.values()) {
            Object phase = environment(service.module()).get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
            assertThat(phase).as("%s sets its shutdown phase", service.module()).isNotNull();
            Object grace = services().get(service.module()).get("stop_grace_period");
            assertThat(grace).as("%s stop_grace_period", service.module()).isNotNull();
            assertThat(seconds(grace.toString()))
                    .as("%s: stop_grace_period %s vs shutdown phase %s", service.module(), grace, phase)
                    .isGreaterThan(seconds(phase.toString()));
        }
    }

    @Test
    void everyHealthGateWaitsOnAHealthCheckThatExists() {
        services().forEach((name, container) -> dependencies(container).forEach((dependency, condition) -> {
            assertThat(services()).as("%s depends on %s", name, dependency).containsKey(dependency);
            if ("service_healthy".equals(condition)) {
                Map<String, Object> target = services().get(dependency);
                boolean ownImage = target.get("build") != null
                        && DOCKERFILE.equals(map(target.get("build")).get("dockerfile"));
                // the service images carry their HEALTHCHECK (DockerfileTest); the others need one here
                assertThat(ownImage || target.get("healthcheck") != null)
                        .as("%s waits for %s to be healthy, which has no health check", name, dependency).isTrue();
            }
        }));
    }

    @Test
    void theGatewayStartsOnceEveryServiceAndRedisAreHealthy() {
        Map<String, String> gateway = dependencies(services().get(Service.GATEWAY.module()));
        for (Service service : Service.values()) {
            if (service != Service.GATEWAY) {
                assertThat(gateway).containsEntry(service.module(), "service_healthy");
            }
        }
        assertThat(gateway).containsEntry("redis", "service_healthy");
        Map<String, Object> env = environment(Service.GATEWAY.module());
        assertThat(env).containsEntry("NZC_GATEWAY_RATE_LIMIT_STORE", "redis")
                .containsEntry("REDIS_URL", "redis://redis:6379");
        for (Service service : Service.values()) {
            if (service != Service.GATEWAY) {
                String variable = service.module().replace("-service", "").toUpperCase() + "_SERVICE_URI";
                assertThat(env).containsEntry(variable,
                        "http://" + service.module() + ":" + service.defaultPort());
            }
        }
    }

    @Test
    void theServicesWaitForKafkaAndAMongoDbReplicaSetThatInitialisesItself() {
        for (Service service : Service.values()) {
            if (service == Service.GATEWAY) {
                continue;
            }
            assertThat(dependencies(services().get(service.module())))
                    .containsEntry("kafka", "service_healthy").containsEntry("mongodb", "service_healthy");
            assertThat(environment(service.module()))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("MONGODB_URI", "mongodb://mongodb:27017/?replicaSet=rs0");
        }
        assertThat(list(services().get("mongodb").get("command"))).containsSubsequence("--replSet", "rs0");
        assertThat(String.join(" ", list(services().get("mongodb").get("healthcheck"), "test")))
                .contains("isWritablePrimary");
        assertThat(String.join(" ", list(services().get("mongodb-init"), "entrypoint")))
                .contains("rs.initiate({_id: 'rs0'", "host: 'mongodb:27017'");
        Map<String, Object> kafka = environment("kafka");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
    }

    @Test
    void notificationEmailsGoToTheMailSinkAndTracesToTheTracingBackend() {
        Map<String, Object> notification = environment(Service.NOTIFICATION.module());
        assertThat(notification).containsEntry("SMTP_HOST", "mailpit");
        assertThat(dependencies(services().get(Service.NOTIFICATION.module())))
                .containsEntry("mailpit", "service_healthy");
        for (Service service : Service.values()) {
            assertThat((String) environment(service.module()).get("NZC_TRACING_OTLP_ENDPOINT"))
                    .as(service.module()).startsWith("http://jaeger:4318/");
        }
        assertThat(services()).containsKey("jaeger");
    }

    @Test
    void onlyTheLoopbackInterfaceReachesThePublishedPorts() {
        services().forEach((name, container) -> {
            for (Object port : list(container.get("ports"))) {
                assertThat(port.toString()).as("%s publishes %s", name, port).startsWith("127.0.0.1:");
            }
        });
    }

    /**
     * Names that the services read: a typo here would silently leave the default in force. Every variable of a
     * service container is one its application.yml reads ({@code ${NAME}}), one its code reads itself (a
     * {@code "NZC_..."} constant of its sources, or of service-support's for every service but the gateway), or the
     * relaxed-binding form of a Spring property (SPRING_, MANAGEMENT_).
     */
    @Test
    void everyVariableGivenToAServiceIsOneItReads() throws IOException {
        Set<String> readBySupport = variablesNamedIn("service-support");
        assertThat(readBySupport).contains("NZC_TRACING_OTLP_ENDPOINT");
        for (Service service : Service.values()) {
            String configuration = Files.readString(
                    ROOT.resolve(service.module()).resolve("src/main/resources/application.yml"));
            Set<String> readInCode = variablesNamedIn(service.module());
            if (service != Service.GATEWAY) {
                readInCode.addAll(readBySupport);
            }
            Set<String> unread = environment(service.module()).keySet().stream()
                    .filter(name -> !name.startsWith("SPRING_") && !name.startsWith("MANAGEMENT_"))
                    .filter(name -> !readInCode.contains(name))
                    .filter(name -> !configuration.contains("${" + name + ":"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(unread).as("variables %s does not read", service.module()).isEmpty();
        }
    }

    @Test
    void prometheusScrapesEveryServiceOnItsOperationsPort() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(
                Files.readString(DEPLOY.resolve("prometheus/prometheus.yml")));
        Map<String, String> targets = new HashMap<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            Map<String, Object> config = map(job);
            assertThat(config.get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Object staticConfig : list(config.get("static_configs"))) {
                for (Object target : list(map(staticConfig).get("targets"))) {
                    targets.put((String) config.get("job_name"), (String) target);
                }
            }
        }
        for (Service service : Service.values()) {
            Object managementPort = environment(service.module()).get("MANAGEMENT_SERVER_PORT");
            String port = managementPort != null ? managementPort.toString()
                    : Integer.toString(service.defaultPort());
            assertThat(targets).containsEntry(service.module(), service.module() + ":" + port);
        }
        assertThat(volumes("prometheus")).contains("/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboardsFolder() throws IOException {
        Map<String, Object> datasources = new Yaml().load(
                Files.readString(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml")));
        List<Map<String, Object>> sources = list(datasources.get("datasources")).stream()
                .map(ComposeFileTest::map).toList();
        assertThat(sources).anySatisfy(source -> {
            assertThat(source.get("type")).isEqualTo("prometheus");
            assertThat(source.get("uid")).isEqualTo("prometheus");
            assertThat(source.get("url")).isEqualTo("http://prometheus:9090");
            assertThat(source.get("isDefault")).isEqualTo(true);
        });
        Map<String, Object> dashboards = new Yaml().load(
                Files.readString(DEPLOY.resolve("grafana/provisioning/dashboards/nzc.yml")));
        String dashboardPath = (String) map(map(list(dashboards.get("providers")).get(0)).get("options")).get("path");

        List<String> grafanaVolumes = volumes("grafana");
        assertThat(grafanaVolumes).contains("/etc/grafana/provisioning", dashboardPath);
        assertThat(services().get("grafana").get("depends_on")).isNotNull();
        assertThat(environment("grafana").get("GF_SECURITY_ADMIN_PASSWORD")).isNotNull();
    }

    /** Container paths of a service's bind mounts and volumes, in the form docker-compose config prints them. */
    private static final Pattern SUPPORT_VARIABLE = Pattern.compile("\"(NZC_[A-Z0-9_]+)\"");

    /** The environment variables that a module's sources name as string constants (it reads them itself). */
    private static Set<String> variablesNamedIn(String module) throws IOException {
        try (Stream<Path> sources = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
            Set<String> names = new TreeSet<>();
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = SUPPORT_VARIABLE.matcher(Files.readString(source));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
            return names;
        }
    }

    private static List<String> volumes(String service) {
        List<String> targets = new ArrayList<>();
        for (Object volume : list(services().get(service).get("volumes"))) {
            if (volume instanceof Map<?, ?> longSyntax) {
                targets.add((String) longSyntax.get("target"));
            } else {
                String[] parts = volume.toString().split(":");
                targets.add(parts[1]);
            }
        }
        return targets;
    }

    private static Map<String, Object> environment(String service) {
        Object env = services().get(service).get("environment");
        return env == null ? Map.of() : map(env);
    }

    private static Map<String, String> dependencies(Map<String, Object> container) {
        Object dependsOn = container.get("depends_on");
        if (dependsOn == null) {
            return Map.of();
        }
        if (dependsOn instanceof List<?> names) {
            return names.stream().collect(Collectors.toMap(Object::toString, name -> "service_started"));
        }
        return map(dependsOn).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> (String) map(entry.getValue()).get("condition")));
    }

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)m)?(?:(\\d+)s)?");

    /** Compose's and Spring's short durations as used here: 35s, 1m, 1m30s. */
    private static long seconds(String duration) {
        Matcher matcher = DURATION.matcher(duration.trim());
        assertThat(matcher.matches()).as("a duration like 35s or 1m30s: %s", duration).isTrue();
        long minutes = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long seconds = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
        return Duration.ofMinutes(minutes).plusSeconds(seconds).toSeconds();
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static List<String> list(Object container, String key) {
        return list(map(container).get(key)).stream().map(Object::toString).toList();
    }
}
