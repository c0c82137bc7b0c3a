package org.netzerocities.events.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netzerocities.events.contract.EventCatalog;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests under {@code deploy/k8s}, as {@code kubectl kustomize} renders them (skipped where kubectl
 * is missing): every workload is probed on its health groups, bounded, autoscaled and protected from voluntary
 * disruptions; every topic of the {@link EventCatalog} exists in production with the partitions the services check
 * at start-up, replication 3 and {@code min.insync.replicas} 2; and the ACLs keep the internal contact and
 * account-security topics away from the NZC work packages and from every service but the one that needs them.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "deploy", "k8s").toAbsolutePath().normalize();

    private static final String BASE = "base";
    private static final String PRODUCTION = "overlays/production";

    private static final String WORK_PACKAGES = "nzc-work-packages";

    /** The only service that reads contact data and account-security links: it sends the emails. */
    private static final String NOTIFICATION_USER = "notification-service-kafka";

    /** notification-service's own topics (its delivery pipeline), not platform events. */
    private static final String NOTIFICATION_TOPICS_PREFIX = "nzc.notification.";

    private static final Map<String, List<Map<String, Object>>> rendered = new HashMap<>();

    private static final boolean KUBECTL = kubectlAvailable();

    // per test, not per class: surefire then counts each as skipped, with the reason
    @BeforeEach
    void kubectlIsThere() {
        assumeTrue(KUBECTL, "kubectl is not installed: the manifests under deploy/k8s are not rendered "
                + "(kubectl 1.32 with kustomize 5.5 renders them)");
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, PRODUCTION})
    void everyDeploymentIsProbedOnItsHealthGroupsAndBounded(String layer) {
        List<Map<String, Object>> deployments = ofKind(layer, "Deployment");
        assertThat(deployments).extracting(KubernetesManifestsTest::name)
                .containsExactlyInAnyOrder("community-service", "learning-service", "campaign-service",
                        "notification-service", "gateway");
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> pod = map(deployment, "spec", "template", "spec");
            // longer than Spring's graceful shutdown phase (30 s), or in-flight requests and relay sends are cut
            assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as(name(deployment)).isGreaterThan(30);
            for (Map<String, Object> container : list(pod, "containers")) {
                String where = name(deployment) + "/" + container.get("name");
                Set<String> ports = list(container, "ports").stream().map(p -> (String) p.get("name"))
                        .collect(Collectors.toSet());
                assertProbe(container, "livenessProbe", "/actuator/health/liveness", ports, where);
                assertProbe(container, "readinessProbe", "/actuator/health/readiness", ports, where);
                Map<String, Object> resources = map(container, "resources");
                assertThat(map(resources, "limits")).as(where + " limits").containsKeys("cpu", "memory");
                assertThat(map(resources, "requests")).as(where + " requests").containsKeys("cpu", "memory");
                // the JVM sizes its heap from the memory limit: a request below it lets the node overcommit and
                // kill the pod under pressure instead of refusing to schedule it
                assertThat(map(resources, "requests").get("memory")).as(where + " memory")
                        .isEqualTo(map(resources, "limits").get("memory"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, PRODUCTION})
    void everyDeploymentScalesOnCpuTheConsumersOnLagAndHasADisruptionBudget(String layer) {
        Map<String, Map<String, Object>> autoscalers = ofKind(layer, "HorizontalPodAutoscaler").stream()
                .collect(Collectors.toMap(h -> (String) map(h, "spec", "scaleTargetRef").get("name"), h -> h));
        Set<String> budgeted = ofKind(layer, "PodDisruptionBudget").stream()
                .map(b -> (String) map(b, "spec", "selector", "matchLabels").get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
        int partitions = Integer.parseInt(platformSetting(layer, "NZC_EVENTS_TOPICS_PARTITIONS"));
        for (Map<String, Object> deployment : ofKind(layer, "Deployment")) {
            String name = name(deployment);
            assertThat(budgeted).as("PodDisruptionBudget of " + name).contains(name);
            Map<String, Object> hpa = autoscalers.get(name);
            assertThat(hpa).as("HorizontalPodAutoscaler of " + name).isNotNull();
            List<Map<String, Object>> metrics = list(map(hpa, "spec"), "metrics");
            assertThat(metrics).as(name + " scales on CPU")
                    .anySatisfy(m -> assertThat(map(m, "resource").get("name")).isEqualTo("cpu"));
            boolean consumer = "service".equals(
                    map(deployment, "metadata", "labels").get("app.kubernetes.io/component"));
            List<Map<String, Object>> lag = metrics.stream().filter(m -> "External".equals(m.get("type")))
                    .filter(m -> "kafka_consumergroup_lag".equals(map(m, "external", "metric").get("name")))
                    .toList();
            assertThat(lag).as(name + " scales on its consumer lag").hasSize(consumer ? 1 : 0);
            if (consumer) {
                // an instance beyond the partition count gets no partition: the lag would not fall faster
                assertThat((Integer) map(hpa, "spec").get("maxReplicas")).as(name + " maxReplicas")
                        .isLessThanOrEqualTo(partitions);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, PRODUCTION})
    void noSecretValueIsInTheRepository(String layer) {
        assertThat(render(layer)).noneMatch(r -> "Secret".equals(r.get("kind")));
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, PRODUCTION})
    void everyNzcSettingIsOneTheReadmeDocuments(String layer) throws IOException {
        String readme = Files.readString(K8S.resolve("../../README.md"), StandardCharsets.UTF_8);
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> configMap : ofKind(layer, "ConfigMap")) {
            names.addAll(map(configMap, "data").keySet());
        }
        for (Map<String, Object> deployment : ofKind(layer, "Deployment")) {
            for (Map<String, Object> container : list(map(deployment, "spec", "template", "spec"), "containers")) {
                list(container, "env").forEach(e -> names.add((String) e.get("name")));
            }
        }
        // a misspelt name is silently ignored by the service, which then runs on its default
        assertThat(names.stream().filter(n -> n.startsWith("NZC_")))
                .allSatisfy(n -> assertThat(readme).as("README's configuration table").contains("`" + n + "`"));
    }

    @Test
    void everyCatalogTopicIsAKafkaTopicWithThePartitionsTheServicesExpect() {
        int partitions = Integer.parseInt(platformSetting(PRODUCTION, "NZC_EVENTS_TOPICS_PARTITIONS"));
        Map<String, Map<String, Object>> topics = kafkaTopics();
        assertThat(topics.keySet()).containsAll(EventCatalog.topicsWithDeadLetters());
        assertThat(topics.keySet()).allSatisfy(topic -> assertThat(
                EventCatalog.topicsWithDeadLetters().contains(topic) || topic.startsWith(NOTIFICATION_TOPICS_PREFIX))
                .as(topic + " is a catalog topic or notification-service's own").isTrue());
        topics.forEach((topic, spec) -> {
            assertThat(spec.get("partitions")).as(topic + " partitions").isEqualTo(partitions);
            assertThat(spec.get("replicas")).as(topic + " replicas").isEqualTo(3);
            Map<String, Object> config = map(spec, "config");
            assertThat(config.get("min.insync.replicas")).as(topic + " min.insync.replicas").isEqualTo("2");
            assertThat(config.get("cleanup.policy")).as(topic + " cleanup.policy")
                    .isEqualTo(EventCatalog.isCompacted(topic) ? "compact" : null);
        });
        assertThat(ofKind(PRODUCTION, "ConfigMap").stream().filter(c -> name(c).startsWith("nzc-platform"))
                .map(c -> map(c, "data")))
                .allSatisfy(data -> assertThat(data).containsEntry("NZC_EVENTS_TOPICS_REPLICATIONFACTOR", "3")
                        .containsEntry("NZC_EVENTS_TOPICS_MININSYNCREPLICAS", "2"));
    }

    @Test
    void workPackagesReadEveryPublicTopicAndNothingInternal() {
        List<Map<String, Object>> acls = acls(WORK_PACKAGES);
        List<String> publicTopics = EventCatalog.topics().stream().filter(t -> !EventCatalog.isInternal(t)).toList();
        for (String topic : publicTopics) {
            assertThat(allowed(acls, "topic", topic)).as(topic).contains("Read");
        }
        for (String topic : EventCatalog.topics().stream().filter(EventCatalog::isInternal).toList()) {
            assertThat(allowed(acls, "topic", topic)).as(topic).isEmpty();
        }
        assertThat(acls).allSatisfy(acl -> assertThat(operations(acl)).as("work packages only read")
                .isSubsetOf("Read", "Describe"));
    }

    @Test
    void onlyNotificationServiceReadsTheInternalTopics() {
        Set<String> users = ofKind(PRODUCTION, "KafkaUser").stream().map(KubernetesManifestsTest::name)
                .collect(Collectors.toSet());
        for (String topic : EventCatalog.topics().stream().filter(EventCatalog::isInternal).toList()) {
            Set<String> readers = users.stream().filter(u -> allowed(acls(u), "topic", topic).contains("Read"))
                    .collect(Collectors.toSet());
            assertThat(readers).as("readers of " + topic).containsExactly(NOTIFICATION_USER);
        }
    }

    @Test
    void aTopicIsWrittenByItsOwnServiceAndItsDeadLettersByItsConsumers() {
        // the re-drive user writes dead letters back to every public topic: an operator's tool, not a producer
        Set<String> services = ofKind(PRODUCTION, "KafkaUser").stream().map(KubernetesManifestsTest::name)
                .filter(u -> u.endsWith("-service-kafka")).collect(Collectors.toSet());
        for (String topic : EventCatalog.topics()) {
            // nzc.<service>.<aggregate>.v1: one topic per aggregate, written by the service that owns it
            String owner = topic.split("\\.")[1] + "-service-kafka";
            assertThat(services.stream().filter(u -> allowed(acls(u), "topic", topic).contains("Write")))
                    .as("writers of " + topic).containsExactly(owner);
            if (!EventCatalog.isInternal(topic)) {
                String deadLetters = topic + EventCatalog.DEAD_LETTER_SUFFIX;
                Set<String> consumers = services.stream()
                        .filter(u -> allowed(acls(u), "topic", topic).contains("Read")).collect(Collectors.toSet());
                assertThat(services.stream().filter(u -> allowed(acls(u), "topic", deadLetters).contains("Write")))
                        .as("services that dead-letter " + topic).containsExactlyInAnyOrderElementsOf(consumers);
            }
        }
    }

    @Test
    void everyServiceHasTheKafkaUserAndTheDatabaseUserItsDeploymentReads() {
        Set<String> kafkaUsers = ofKind(PRODUCTION, "KafkaUser").stream().map(KubernetesManifestsTest::name)
                .collect(Collectors.toSet());
        Set<String> connectionSecrets = new TreeSet<>();
        for (Map<String, Object> mongo : ofKind(PRODUCTION, "MongoDBCommunity")) {
            assertThat(map(mongo, "spec").get("members")).isEqualTo(3);
            list(map(mongo, "spec"), "users").forEach(u -> connectionSecrets.add((String) u.get("connectionStringSecretName")));
        }
        for (Map<String, Object> deployment : ofKind(PRODUCTION, "Deployment")) {
            for (Map<String, Object> container : list(map(deployment, "spec", "template", "spec"), "containers")) {
                for (Map<String, Object> env : list(container, "env")) {
                    Object ref = env.get("valueFrom") instanceof Map<?, ?> from ? from.get("secretKeyRef") : null;
                    if (!(ref instanceof Map<?, ?> secret)) {
                        continue;
                    }
                    if ("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG".equals(env.get("name"))) {
                        assertThat(kafkaUsers).as(name(deployment) + "'s Kafka user").contains((String) secret.get("name"));
                    }
                    if ("MONGODB_URI".equals(env.get("name"))) {
                        assertThat(connectionSecrets).as(name(deployment) + "'s database user")
                                .contains((String) secret.get("name"));
                    }
                }
            }
        }
    }

    // --- rendering and navigation

    private static void assertProbe(Map<String, Object> container, String probe, String path, Set<String> ports,
            String where) {
        Map<String, Object> get = map(container, probe, "httpGet");
        assertThat(get.get("path")).as(where + " " + probe).isEqualTo(path);
        assertThat(ports).as(where + " " + probe + " port").contains((String) get.get("port"));
    }

    private static String platformSetting(String layer, String name) {
        return ofKind(layer, "ConfigMap").stream().filter(c -> name(c).startsWith("nzc-platform"))
                .map(c -> (String) map(c, "data").get(name)).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in the nzc-platform ConfigMap of " + layer));
    }

    /** Spec per Kafka topic name: {@code spec.topicName} where the name cannot be a Kubernetes name (.DLT). */
    private static Map<String, Map<String, Object>> kafkaTopics() {
        Map<String, Map<String, Object>> topics = new HashMap<>();
        for (Map<String, Object> topic : ofKind(PRODUCTION, "KafkaTopic")) {
            Map<String, Object> spec = map(topic, "spec");
            String name = spec.get("topicName") instanceof String explicit ? explicit : name(topic);
            assertThat(topics.put(name, spec)).as("one KafkaTopic for " + name).isNull();
        }
        return topics;
    }

    private static List<Map<String, Object>> acls(String user) {
        return ofKind(PRODUCTION, "KafkaUser").stream().filter(u -> name(u).equals(user)).findFirst()
                .map(u -> list(map(u, "spec", "authorization"), "acls"))
                .orElseThrow(() -> new AssertionError("no KafkaUser " + user));
    }

    /** The operations {@code acls} allow on a resource, as Kafka matches them: literal, {@code *} or prefix. */
    private static Set<String> allowed(List<Map<String, Object>> acls, String type, String name) {
        Set<String> operations = new TreeSet<>();
        for (Map<String, Object> acl : acls) {
            Map<String, Object> resource = map(acl, "resource");
            String pattern = (String) resource.get("name");
            boolean matches = "prefix".equals(resource.get("patternType")) ? name.startsWith(pattern)
                    : pattern.equals(name) || pattern.equals("*");
            if (type.equals(resource.get("type")) && matches && !"deny".equals(acl.get("type"))) {
                operations.addAll(operations(acl));
            }
        }
        // Kafka implies Describe from Read and Write, and All allows everything
        return operations.contains("All") ? Set.of("All", "Read", "Write", "Describe") : operations;
    }

    @SuppressWarnings("unchecked")
    private static List<String> operations(Map<String, Object> acl) {
        return (List<String>) acl.get("operations");
    }

    private static List<Map<String, Object>> ofKind(String layer, String kind) {
        return render(layer).stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private static synchronized List<Map<String, Object>> render(String layer) {
        return rendered.computeIfAbsent(layer, KubernetesManifestsTest::kustomize);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kustomize(String layer) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(layer).toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize " + layer + " ends").isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize " + layer + ":\n" + output).isZero();
            List<Map<String, Object>> resources = new ArrayList<>();
            new Yaml().loadAll(output).forEach(doc -> {
                if (doc != null) {
                    resources.add((Map<String, Object>) doc);
                }
            });
            return resources;
        }
        catch (IOException ex) {
            throw new IllegalStateException("kubectl kustomize " + layer, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String name(Map<String, Object> resource) {
        return (String) map(resource, "metadata").get("name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String... path) {
        Map<String, Object> current = node;
        for (String key : path) {
            Object next = current.get(key);
            current = next instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        return node.get(key) instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
