package org.netzerocities.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The whole platform on one machine with only a JDK: an embedded MongoDB-wire server in this JVM (persisted with
 * H2), a real Apache Kafka broker (KRaft) in a child JVM, then every service's Spring Boot jar in a JVM of its own.
 * Data stays in the data dir across restarts.
 *
 * <p>From the command line: {@link #main(String[])}. From tests:
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(StackOptions.builder().dataDir(tempDir).freePorts().build()).start()) {
 *     String gateway = stack.gatewayUrl();
 *     ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int TAIL_LINES = 40;
    static final String CAMPAIGN_CREDENTIAL_KEY = "NZC_CAMPAIGN_CREDENTIAL_KEY";

    private final StackOptions options;
    private final Consumer<String> out;
    private final HttpClient http;
    private final Object lifecycle = new Object();
    private final Map<Instance, ChildProcess> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Duration> startupTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<Service, AppCache.Launch> launches = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private final AppCache appCache;
    private volatile EmbeddedMongo mongo;
    private volatile KafkaBroker kafka;
    private volatile MailSink mailSink;
    private volatile boolean closing;
    private volatile Thread shutdownHook;
    /**
     * The key of channels' tokens for the instances of a scaled campaign-service when none is set: without one each
     * instance makes its own, and a post whose token another instance stored fails to publish on this one.
     */
    private final String campaignCredentialKey;

    /**
     * One JVM of a service: index 0 is the service's first (and usually only) instance, named after its module;
     * the extra ones of {@code --scale} are {@code <module>-2}, {@code <module>-3}... in logs and log files.
     */
    record Instance(Service service, int index) {

        static Instance first(Service service) {
            return new Instance(service, 0);
        }

        String name() {
            return index == 0 ? service.module() : service.module() + "-" + (index + 1);
        }
    }

    public LocalStack(StackOptions options) {
        this.options = options;
        this.out = options.reporter();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        this.appCache = new AppCache(options.cacheDir(), options.javaExecutable(), options.serviceJavaOpts(), out);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.campaignCredentialKey = Base64.getEncoder().encodeToString(key);
    }

    /** Runs until Ctrl-C; {@code --help} lists the options, see {@link LauncherCommand}. */
    public static void main(String[] args) {
        System.exit(LauncherCommand.commandLine(System.getenv()).execute(args));
    }

    /**
     * Starts MongoDB (unless external), Kafka (unless external), then the selected services, and waits until every
     * one is ready. On failure everything already started is stopped again and a {@link LocalStackException} says
     * what went wrong, with the tail of the failing part's log.
     */
    public LocalStack start() {
        synchronized (lifecycle) {
            if (closing) {
                throw new IllegalStateException("this LocalStack was closed; create a new one");
            }
            Instant start = Instant.now();
            checkJars(options.services());
            createDirectories();
            registerShutdownHook();
            try {
                out.accept("data dir " + options.dataDir());
                prepareJars(options.services());
                startMongo();
                startKafka();
                startMailSink();
                for (List<Service> stage : stages(options.services(), options.startOrder())) {
                    startServices(instances(stage));
                }
                Duration total = Duration.between(start, Instant.now());
                startupTimes.put("total", total);
                out.accept(String.format("all up after %.1f s", seconds(total)));
                return this;
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    /** {@code http://localhost:<gateway port>}. */
    public String gatewayUrl() {
        return serviceUrl(Service.GATEWAY);
    }

    /** {@code http://localhost:<port>} of a service by name ({@code community-service} or {@code community}). */
    public String serviceUrl(String name) {
        return serviceUrl(Service.of(name));
    }

    public String serviceUrl(Service service) {
        return "http://localhost:" + options.port(service);
    }

    /** {@code http://localhost:<port>} of one instance of a scaled service; 0 is {@link #serviceUrl(Service)}. */
    public String serviceUrl(Service service, int instance) {
        return "http://localhost:" + options.port(service, instance);
    }

    /** The URLs of all instances of a service, comma-separated. */
    private String instanceUrls(Service service) {
        return IntStream.range(0, options.instances(service)).mapToObj(instance -> serviceUrl(service, instance))
                .collect(Collectors.joining(","));
    }

    /** Where a service's actuator answers: the gateway's management port, the others' own port. */
    public String actuatorUrl(Service service) {
        return service == Service.GATEWAY ? "http://localhost:" + options.gatewayManagementPort() : serviceUrl(service);
    }

    public String mongoUri() {
        return options.mongoUri();
    }

    public String kafkaBootstrapServers() {
        return options.kafkaBootstrapServers();
    }

    public StackOptions options() {
        return options;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** {@code <dataDir>/logs/<name>.log}; name is a service or {@code kafka}. */
    public Path logFile(String name) {
        String file = "kafka".equals(name) ? "kafka" : Service.of(name).module();
        return logDir().resolve(file + ".log");
    }

    /** The log of one instance of a service: {@code <module>.log} for the first, {@code <module>-2.log}... */
    public Path logFile(Service service, int instance) {
        return logDir().resolve(new Instance(service, instance).name() + ".log");
    }

    /** How long each part took to become ready at the last start: {@code kafka-format}, {@code kafka}, services, {@code total}. */
    public Map<String, Duration> startupTimes() {
        synchronized (startupTimes) {
            return Map.copyOf(startupTimes);
        }
    }

    public boolean isRunning(String name) {
        if ("kafka".equals(name)) {
            return kafka != null && kafka.isRunning();
        }
        ChildProcess process = processes.get(Instance.first(Service.of(name)));
        return process != null && process.isAlive();
    }

    /** Stops the broker process (SIGTERM, clean shutdown); {@link #startKafka()} starts it again on the same data. */
    public void stopKafka() {
        requireEmbeddedKafka();
        kafka.stop(KAFKA_STOP_GRACE);
    }

    /** Starts the broker again on the same ports and data dir (never reformatted) and waits until it serves. */
    public void startKafka() {
        synchronized (lifecycle) {
            if (!options.embeddedKafka()) {
                out.accept("kafka: using " + options.kafkaBootstrapServers() + " (KAFKA_BOOTSTRAP_SERVERS)");
                return;
            }
            if (kafka == null) {
                kafka = new KafkaBroker(options.dataDir().resolve("kafka"), logDir().resolve("kafka.log"), runDir(),
                        options.kafkaPort(), options.kafkaControllerPort(), options.kafkaPartitions(),
                        options.javaExecutable(), options.childClasspath(), options.kafkaJavaOpts(), out);
            }
            kafka.start(options.kafkaReadyTimeout());
            if (kafka.lastFormatDuration() != null) {
                startupTimes.put("kafka-format", kafka.lastFormatDuration());
            }
            startupTimes.put("kafka", kafka.lastReadyDuration());
        }
    }

    /** Stops one service, every instance of it: SIGTERM, up to 20 s, then SIGKILL. */
    public void stopService(String name) {
        Service service = Service.of(name);
        stopAll(running(instance -> instance.service() == service));
    }

    /** Starts one service (again) and waits until it is ready. */
    public void startService(String name) {
        Service service = Service.of(name);
        synchronized (lifecycle) {
            if (isRunning(service.module())) {
                throw new IllegalStateException(service.module() + " is already running");
            }
            checkJars(Set.of(service));
            prepareJars(Set.of(service));
            startServices(instances(List.of(service)));
        }
    }

    /** Stops the gateway, then the services, then Kafka, then MongoDB. Safe to call more than once. */
    @Override
    public void close() {
        closing = true;
        stopAll(running(instance -> instance.service() == Service.GATEWAY));
        stopAll(running(instance -> true));
        MailSink sink = mailSink;
        if (sink != null && sink.isRunning()) {
            sink.stop(SERVICE_STOP_GRACE);
            out.accept("mail sink: stopped");
        }
        KafkaBroker broker = kafka;
        if (broker != null) {
            broker.stop(KAFKA_STOP_GRACE);
        }
        EmbeddedMongo embedded = mongo;
        if (embedded != null && embedded.isRunning()) {
            embedded.close();
            out.accept("mongodb: closed " + embedded.file());
        }
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing left to remove
            }
        }
    }

    void printSummary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("NetZeroCommunities is ready in %.1f s", seconds(startupTimes.get("total"))));
        synchronized (startupTimes) {
            startupTimes.forEach((name, time) -> {
                if (!"total".equals(name)) {
                    lines.add(String.format("  %-22s %5.1f s to ready", name, seconds(time)));
                }
            });
        }
        String row = "  %-22s %s";
        if (options.services().contains(Service.GATEWAY)) {
            lines.add(String.format(row, "gateway", gatewayUrl() + "   <- the portal's one entry point"));
            lines.add(String.format(row, "API docs", gatewayUrl() + "/swagger-ui.html"));
            lines.add(String.format(row, "gateway actuator", actuatorUrl(Service.GATEWAY) + "/actuator"));
        }
        for (Service service : options.services()) {
            if (service != Service.GATEWAY) {
                for (int i = 0; i < options.instances(service); i++) {
                    lines.add(String.format(row, new Instance(service, i).name(), serviceUrl(service, i)
                            + (i == 0 && options.instances(service) > 1 && options.services().contains(Service.GATEWAY)
                            ? "   <- the gateway takes the instances in turn" : "")));
                }
            }
        }
        lines.add(String.format(row, "MongoDB", mongoUri() + (options.embeddedMongo() ? " (embedded)" : "")));
        lines.add(String.format(row, "Kafka", kafkaBootstrapServers()));
        if (mailSink != null) {
            lines.add(String.format(row, "emails", mailSink.webUrl()
                    + "   <- see the emails here (GreenMail; nothing leaves this machine)"));
        } else if (options.services().contains(Service.NOTIFICATION)) {
            lines.add(String.format(row, "emails", "sent through SMTP_HOST (a real mail server)"));
        }
        lines.add(String.format(row, "logs", logDir()));
        lines.add(String.format(row, "data", options.dataDir() + " (kept across restarts; delete it to start afresh)"));
        if (!options.services().isEmpty()) {
            lines.add(String.format(row, "admin", adminNote()));
        }
        lines.add("Ctrl-C stops everything.");
        lines.forEach(out);
    }

    private String adminNote() {
        String email = options.environment().getOrDefault("NZC_ADMIN_EMAIL",
                options.launcherEnvironment().get("NZC_ADMIN_EMAIL"));
        if (email == null || email.isBlank()) {
            return "admin@nzc.local / change-me-now (the default: set NZC_ADMIN_EMAIL and NZC_ADMIN_PASSWORD "
                    + "before the first start to choose your own)";
        }
        return email + " with the password in NZC_ADMIN_PASSWORD";
    }

    /** Environment of one service's JVM, on top of the launcher's own environment (which it inherits). */
    Map<String, String> serviceEnvironment(Service service) {
        return serviceEnvironment(Instance.first(service));
    }

    Map<String, String> serviceEnvironment(Instance instance) {
        Service service = instance.service();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(options.port(service, instance.index())));
        env.put("KAFKA_BOOTSTRAP_SERVERS", options.kafkaBootstrapServers());
        env.put("MONGODB_URI", options.mongoUri());
        if (options.embeddedMongo()) {
            env.put("SPRING_PROFILES_ACTIVE",
                    withProfile(options.launcherEnvironment().get("SPRING_PROFILES_ACTIVE"), "embedded"));
        }
        env.put("NZC_JWKS_URI", serviceUrl(Service.COMMUNITY) + "/api/community/.well-known/jwks.json");
        env.put("NZC_DATA_DIR", options.dataDir().toString());
        if (service == Service.GATEWAY) {
            // every instance of a scaled service: the gateway sends the requests to each in turn
            env.put("COMMUNITY_SERVICE_URI", instanceUrls(Service.COMMUNITY));
            env.put("LEARNING_SERVICE_URI", instanceUrls(Service.LEARNING));
            env.put("CAMPAIGN_SERVICE_URI", instanceUrls(Service.CAMPAIGN));
            env.put("NOTIFICATION_SERVICE_URI", instanceUrls(Service.NOTIFICATION));
            env.put("MANAGEMENT_SERVER_PORT", Integer.toString(options.gatewayManagementPort()));
            if (options.raiseRateLimits()) {
                env.putAll(StackOptions.RAISED_GATEWAY_RATE_LIMITS);
            }
        }
        String configuredKey = options.launcherEnvironment().get(CAMPAIGN_CREDENTIAL_KEY);
        if (service == Service.CAMPAIGN && options.instances(service) > 1
                && (configuredKey == null || configuredKey.isBlank())) {
            env.put(CAMPAIGN_CREDENTIAL_KEY, campaignCredentialKey);
        }
        if (service == Service.NOTIFICATION && options.embeddedMail()) {
            env.put("SMTP_HOST", "localhost");
            env.put("SMTP_PORT", Integer.toString(options.mailSmtpPort()));
        }
        env.putAll(options.environment());
        env.putAll(options.environment(service));
        return env;
    }

    List<String> serviceCommand(Service service) {
        return serviceCommand(Instance.first(service));
    }

    List<String> serviceCommand(Instance instance) {
        Service service = instance.service();
        List<String> command = new ArrayList<>();
        command.add(options.javaExecutable());
        command.addAll(options.serviceJavaOpts());
        AppCache.Launch launch = launches.get(service);
        if (launch != null) {
            command.addAll(launch.jvmOpts(instance.index()));
        }
        command.add(ChildProcess.marker(instance.name()));
        command.add("-jar");
        command.add((launch != null ? launch.jar() : jar(service)).toString());
        return command;
    }

    private void prepareJars(Set<Service> services) {
        if (!options.appCds() || services.isEmpty()) {
            return;
        }
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        services.forEach(service -> jars.put(service, jar(service)));
        launches.putAll(appCache.prepare(jars));
    }

    static List<List<Service>> stages(Set<Service> selected, StartOrder order) {
        List<List<Service>> stages = new ArrayList<>();
        List<Service> all = new ArrayList<>(selected);
        switch (order) {
            case PARALLEL -> stages.add(all);
            case SEQUENTIAL -> all.forEach(s -> stages.add(List.of(s)));
            case STAGED, STAGED_GATEWAY_LAST -> {
                if (all.remove(Service.COMMUNITY)) {
                    stages.add(List.of(Service.COMMUNITY));
                }
                boolean gatewayLast = order == StartOrder.STAGED_GATEWAY_LAST && all.remove(Service.GATEWAY);
                stages.add(all);
                if (gatewayLast) {
                    stages.add(List.of(Service.GATEWAY));
                }
            }
        }
        stages.removeIf(List::isEmpty);
        return stages;
    }

    private static String withProfile(String existing, String profile) {
        if (existing == null || existing.isBlank()) {
            return profile;
        }
        Set<String> profiles = new LinkedHashSet<>(Arrays.asList(existing.trim().split("\\s*,\\s*")));
        profiles.add(profile);
        return String.join(",", profiles);
    }

    private Path jar(Service service) {
        return options.repoRoot().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    private void checkJars(Set<Service> services) {
        List<String> missing = services.stream().map(this::jar).filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new LocalStackException("missing service jar(s): " + String.join(", ", missing)
                    + System.lineSeparator() + "Build first, from " + options.repoRoot() + ": mvn -DskipTests package"
                    + " (or start only MongoDB and Kafka with --infra-only)");
        }
    }

    private void createDirectories() {
        try {
            Files.createDirectories(logDir());
            Files.createDirectories(runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data dir " + options.dataDir(), e);
        }
    }

    private Path logDir() {
        return options.dataDir().resolve("logs");
    }

    private Path runDir() {
        return options.dataDir().resolve("run");
    }

    private void registerShutdownHook() {
        if (shutdownHook == null) {
            Thread hook = new Thread(() -> {
                out.accept("shutting down");
                close();
            }, "nzc-local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        }
    }

    private void startMongo() {
        if (!options.embeddedMongo()) {
            out.accept("mongodb: using " + options.mongoUri() + " (MONGODB_URI)");
            return;
        }
        Path file = options.dataDir().resolve("mongo").resolve("nzc.mv");
        Instant start = Instant.now();
        mongo = new EmbeddedMongo(file, options.mongoPort(), options.mongoDurable()).start();
        Duration took = Duration.between(start, Instant.now());
        startupTimes.put("mongodb", took);
        out.accept(String.format("mongodb: ready on %s after %.1f s (embedded, %s%s)", mongo.uri(), seconds(took), file,
                mongo.durable() ? "" : ", not durable: the last writes are lost if the launcher is killed"));
    }

    /** notification-service's SMTP server: the local sink, unless SMTP_HOST names a real one. */
    private void startMailSink() {
        if (!options.services().contains(Service.NOTIFICATION)) {
            return;
        }
        if (!options.embeddedMail()) {
            out.accept("mail: sending through SMTP_HOST (a real mail server: emails leave this machine)");
            return;
        }
        if (mailSink == null) {
            mailSink = new MailSink(options.mailSmtpPort(), options.mailWebPort(),
                    options.javaExecutable(), logDir().resolve("mail-sink.log"), runDir(), out);
        }
        Duration took = mailSink.start(options.dataDir(), options.kafkaReadyTimeout());
        startupTimes.put("mail-sink", took);
        out.accept(String.format("mail sink: up after %.1f s, SMTP on localhost:%d; see the emails at %s",
                seconds(took), mailSink.smtpPort(), mailSink.webUrl()));
    }

    private void requireEmbeddedKafka() {
        if (!options.embeddedKafka() || kafka == null) {
            throw new IllegalStateException("no Kafka broker started by this launcher");
        }
    }

    /** Every instance of the services, as many as {@link StackOptions#instances(Service)} says. */
    private List<Instance> instances(List<Service> services) {
        List<Instance> instances = new ArrayList<>();
        for (Service service : services) {
            for (int i = 0; i < options.instances(service); i++) {
                instances.add(new Instance(service, i));
            }
        }
        return instances;
    }

    private void startServices(List<Instance> stage) {
        for (Instance instance : stage) {
            abortIfClosing();
            Service service = instance.service();
            int port = options.port(service, instance.index());
            KafkaBroker.requireFree(port, instance.name() + " port");
            if (service == Service.GATEWAY) {
                KafkaBroker.requireFree(options.gatewayManagementPort(), "gateway management port");
            }
            ChildProcess process = processes.computeIfAbsent(instance,
                    i -> new ChildProcess(i.name(), logDir().resolve(i.name() + ".log"), runDir(), out));
            out.accept(instance.name() + ": starting on port " + port);
            process.start(serviceCommand(instance), options.dataDir(), serviceEnvironment(instance));
        }
        awaitReady(stage);
    }

    private void awaitReady(List<Instance> stage) {
        List<Instance> pending = new ArrayList<>(stage);
        while (!pending.isEmpty()) {
            abortIfClosing();
            for (Instance instance : new ArrayList<>(pending)) {
                ChildProcess process = processes.get(instance);
                Duration elapsed = Duration.between(process.startedAt(), Instant.now());
                if (!process.isAlive()) {
                    abortIfClosing();
                    String message = instance.name() + ": failed, exited with code " + process.exitCode().orElse(-1)
                            + " after " + String.format("%.1f s", seconds(elapsed));
                    out.accept(message);
                    throw new LocalStackException(message + "; " + process.describeTail(TAIL_LINES));
                }
                if (isReady(instance)) {
                    startupTimes.put(instance.name(), elapsed);
                    process.watchForUnexpectedExit();
                    out.accept(String.format("%s: ready after %.1f s (%s)", instance.name(), seconds(elapsed),
                            serviceUrl(instance.service(), instance.index())));
                    pending.remove(instance);
                } else if (elapsed.compareTo(options.readinessTimeout()) > 0) {
                    String message = instance.name() + ": failed, not ready after "
                            + options.readinessTimeout().toSeconds() + " s";
                    out.accept(message);
                    throw new LocalStackException(message + "; " + process.describeTail(TAIL_LINES));
                }
            }
            if (!pending.isEmpty()) {
                KafkaBroker.sleep(POLL_INTERVAL);
            }
        }
    }

    private boolean isReady(Instance instance) {
        String actuator = instance.service() == Service.GATEWAY ? actuatorUrl(Service.GATEWAY)
                : serviceUrl(instance.service(), instance.index());
        return answersOk(http, actuator + "/actuator/health/readiness", instance.name());
    }

    /** Whether a GET of {@code url} answers 200 now; false while nothing listens there yet. */
    static boolean answersOk(HttpClient http, String url, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for " + what, e);
        }
    }

    /** The live processes of the instances {@code which} accepts. */
    private Map<Instance, ChildProcess> running(Predicate<Instance> which) {
        Map<Instance, ChildProcess> running = new LinkedHashMap<>();
        synchronized (processes) {
            processes.forEach((instance, process) -> {
                if (which.test(instance) && process.isAlive()) {
                    running.put(instance, process);
                }
            });
        }
        return running;
    }

    private void stopAll(Map<Instance, ChildProcess> running) {
        if (running.isEmpty()) {
            return;
        }
        Instant start = Instant.now();
        running.values().forEach(p -> out.accept(p.name() + ": stopping"));
        running.values().forEach(ChildProcess::requestStop);
        for (Map.Entry<Instance, ChildProcess> entry : running.entrySet()) {
            ChildProcess process = entry.getValue();
            Duration left = SERVICE_STOP_GRACE.minus(Duration.between(start, Instant.now()));
            boolean graceful = process.stop(left.isNegative() ? Duration.ZERO : left);
            if (entry.getKey().index() == 0) {
                appCache.afterExit(launches.get(entry.getKey().service()), graceful);
            }
            out.accept(String.format("%s: stopped%s after %.1f s", process.name(), graceful ? "" : " (killed)",
                    seconds(Duration.between(start, Instant.now()))));
        }
    }

    private void abortIfClosing() {
        if (closing) {
            throw new LocalStackException("start-up aborted: the stack is shutting down");
        }
    }

    private static double seconds(Duration duration) {
        return duration == null ? 0 : duration.toMillis() / 1000.0;
    }
}
