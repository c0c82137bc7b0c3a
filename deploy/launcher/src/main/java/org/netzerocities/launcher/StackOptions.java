package org.netzerocities.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the {@link LocalStack} needs to know: where the data lives, which ports to use, which services to start
 * and how. Immutable; built with {@link #builder()}, from the command line by {@link LauncherCommand}.
 */
public final class StackOptions {

    // constant expressions, so that the command line's usage text shows them
    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k";
    public static final String DEFAULT_KAFKA_JAVA_OPTS = "-Xmx512m";
    public static final int DEFAULT_MONGO_PORT = 27017;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    /** The gateway serves its actuator on a port of its own, the others on their service port. */
    public static final int DEFAULT_GATEWAY_MANAGEMENT_PORT = 9080;
    /** The local mail sink (GreenMail): SMTP for notification-service, and its web UI and REST API to read the mails. */
    public static final int DEFAULT_MAIL_SMTP_PORT = 3025;
    public static final int DEFAULT_MAIL_WEB_PORT = 8025;
    /** As many as the services give the topics they create (nzc.events.topics.partitions). */
    public static final int DEFAULT_KAFKA_PARTITIONS = 3;
    public static final int DEFAULT_READINESS_TIMEOUT_SECONDS = 180;
    public static final Duration DEFAULT_KAFKA_READY_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Without free ports, the k-th extra instance of a scaled service (k = 1, 2...) listens on the service's port
     * plus k times this: 8084, 8184, 8284 for notification-service, clear of every default port.
     */
    public static final int INSTANCE_PORT_STEP = 100;
    /**
     * The gateway's rate limits with {@link Builder#raiseRateLimits(boolean)}: for the end-to-end suite and the
     * benchmarks, whose clients all come from one loopback address; far above what they send.
     */
    static final Map<String, String> RAISED_GATEWAY_RATE_LIMITS = Map.of(
            "NZC_GATEWAY_RATE_LIMIT_REQUESTS", "1000000", "NZC_GATEWAY_RATE_LIMIT_PERIOD", "1s",
            "NZC_GATEWAY_RATE_LIMIT_AUTH_TOKEN_REQUESTS", "1000000", "NZC_GATEWAY_RATE_LIMIT_AUTH_TOKEN_PERIOD", "1s",
            "NZC_GATEWAY_RATE_LIMIT_REGISTRATION_REQUESTS", "1000000",
            "NZC_GATEWAY_RATE_LIMIT_REGISTRATION_PERIOD", "1s");

    private final Path dataDir;
    private final Path repoRoot;
    private final String externalMongoUri;
    private final String externalKafkaBootstrapServers;
    private final int mongoPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int kafkaPartitions;
    private final int gatewayManagementPort;
    private final int mailSmtpPort;
    private final int mailWebPort;
    private final Map<Service, Integer> ports;
    private final Map<Service, List<Integer>> extraInstancePorts;
    private final Set<Service> services;
    private final List<String> serviceJavaOpts;
    private final List<String> kafkaJavaOpts;
    private final Duration readinessTimeout;
    private final Duration kafkaReadyTimeout;
    private final StartOrder startOrder;
    private final Map<String, String> environment;
    private final Map<Service, Map<String, String>> serviceEnvironment;
    private final String javaExecutable;
    private final String childClasspath;
    private final boolean appCds;
    private final boolean mongoDurable;
    private final boolean raiseRateLimits;
    private final Path cacheDir;
    private final Map<String, String> launcherEnvironment;
    private final Consumer<String> reporter;

    private StackOptions(Builder b, Map<Service, Integer> ports, Map<Service, List<Integer>> extraInstancePorts,
                         int mongoPort, int kafkaPort, int controllerPort,
                         int gatewayManagementPort, int mailSmtpPort, int mailWebPort) {
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.repoRoot = (b.repoRoot != null ? b.repoRoot : findRepoRoot()).toAbsolutePath().normalize();
        this.externalMongoUri = blankToNull(b.externalMongoUri);
        this.externalKafkaBootstrapServers = blankToNull(b.externalKafkaBootstrapServers);
        this.mongoPort = mongoPort;
        this.kafkaPort = kafkaPort;
        this.kafkaControllerPort = controllerPort;
        this.gatewayManagementPort = gatewayManagementPort;
        this.mailSmtpPort = mailSmtpPort;
        this.mailWebPort = mailWebPort;
        this.kafkaPartitions = b.kafkaPartitions;
        this.ports = Collections.unmodifiableMap(new EnumMap<>(ports));
        this.extraInstancePorts = Collections.unmodifiableMap(new EnumMap<>(extraInstancePorts));
        this.services = Collections.unmodifiableSet(b.services.isEmpty()
                ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(b.services));
        this.serviceJavaOpts = List.copyOf(b.serviceJavaOpts);
        this.kafkaJavaOpts = List.copyOf(b.kafkaJavaOpts);
        this.readinessTimeout = b.readinessTimeout;
        this.kafkaReadyTimeout = b.kafkaReadyTimeout;
        this.startOrder = b.startOrder;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        Map<Service, Map<String, String>> perService = new EnumMap<>(Service.class);
        b.serviceEnvironment.forEach((s, env) -> perService.put(s, Map.copyOf(env)));
        this.serviceEnvironment = Collections.unmodifiableMap(perService);
        this.javaExecutable = b.javaExecutable != null ? b.javaExecutable
                : Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        this.childClasspath = b.childClasspath;
        this.appCds = b.appCds;
        this.mongoDurable = b.mongoDurable;
        this.raiseRateLimits = b.raiseRateLimits;
        String cacheProperty = System.getProperty("nzc.cache.dir");
        Path cache = b.cacheDir != null ? b.cacheDir
                : cacheProperty != null && !cacheProperty.isBlank() ? Paths.get(cacheProperty)
                : this.dataDir.resolve("cache");
        this.cacheDir = cache.toAbsolutePath().normalize();
        this.launcherEnvironment = Map.copyOf(b.launcherEnvironment);
        this.reporter = b.reporter;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * The repository root: system property {@code nzc.repo.root}, else the first directory upwards from the working
     * directory that holds {@code deploy/launcher/pom.xml}, else the working directory.
     */
    static Path findRepoRoot() {
        String property = System.getProperty("nzc.repo.root");
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/launcher/pom.xml"))) {
                return dir;
            }
        }
        return cwd;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /** True when the launcher starts its own MongoDB-wire server (no {@code MONGODB_URI} given). */
    public boolean embeddedMongo() {
        return externalMongoUri == null;
    }

    /** True when the launcher starts its own Kafka broker (no {@code KAFKA_BOOTSTRAP_SERVERS} given). */
    public boolean embeddedKafka() {
        return externalKafkaBootstrapServers == null;
    }

    /**
     * True when the launcher starts its local mail sink: unless {@code SMTP_HOST} names a real mail server (in the
     * launcher's environment or {@code --env}), no email leaves this machine.
     */
    public boolean embeddedMail() {
        return blankToNull(environment.getOrDefault("SMTP_HOST", launcherEnvironment.get("SMTP_HOST"))) == null;
    }

    public int mailSmtpPort() {
        return mailSmtpPort;
    }

    /** GreenMail's web UI and REST API, where the sink's mails are read. */
    public int mailWebPort() {
        return mailWebPort;
    }

    public String mongoUri() {
        return embeddedMongo() ? "mongodb://localhost:" + mongoPort : externalMongoUri;
    }

    public String kafkaBootstrapServers() {
        return embeddedKafka() ? "localhost:" + kafkaPort : externalKafkaBootstrapServers;
    }

    public int mongoPort() {
        return mongoPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    /** Partitions of the topics the embedded broker creates on first use. */
    public int kafkaPartitions() {
        return kafkaPartitions;
    }

    /** The gateway's actuator port, given to it as {@code MANAGEMENT_SERVER_PORT}. */
    public int gatewayManagementPort() {
        return gatewayManagementPort;
    }

    public int port(Service service) {
        return ports.get(service);
    }

    /** How many JVMs of the service the launcher starts (see {@link Builder#scale(Service, int)}); 1 by default. */
    public int instances(Service service) {
        return 1 + extraInstancePorts.getOrDefault(service, List.of()).size();
    }

    /** The port of one instance: index 0 is {@link #port(Service)}, the extra ones follow. */
    public int port(Service service, int instance) {
        return instance == 0 ? port(service) : extraInstancePorts.get(service).get(instance - 1);
    }

    public Set<Service> services() {
        return services;
    }

    public List<String> serviceJavaOpts() {
        return serviceJavaOpts;
    }

    public List<String> kafkaJavaOpts() {
        return kafkaJavaOpts;
    }

    public Duration readinessTimeout() {
        return readinessTimeout;
    }

    public Duration kafkaReadyTimeout() {
        return kafkaReadyTimeout;
    }

    public StartOrder startOrder() {
        return startOrder;
    }

    /** Extra environment for every service, on top of the launcher's own. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Extra environment for one service, applied last. */
    public Map<String, String> environment(Service service) {
        return serviceEnvironment.getOrDefault(service, Map.of());
    }

    public String javaExecutable() {
        return javaExecutable;
    }

    /**
     * The classpath of the Kafka child JVMs: the one given, else system property {@code nzc.launcher.classpath}
     * (set by this module's test plugins), else this JVM's {@code java.class.path}; entries made absolute.
     */
    public String childClasspath() {
        String cp = childClasspath;
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("nzc.launcher.classpath");
        }
        if (cp == null || cp.isBlank() || cp.contains("${")) {
            cp = System.getProperty("java.class.path");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("*")) {
                String dir = entry.substring(0, entry.length() - 1);
                entries.add(Paths.get(dir.isEmpty() ? "." : dir).toAbsolutePath().normalize()
                        + java.io.File.separator + "*");
            } else {
                entries.add(Paths.get(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * True (default) to run each service from its extracted jar with a class data sharing archive recorded by its
     * first run: about half the start-up time of the fat jar; see {@link AppCache}.
     */
    public boolean appCds() {
        return appCds;
    }

    /**
     * Extracted jars and class data archives: the one given, else system property {@code nzc.cache.dir} (this
     * module's tests share {@code target/nzc-cache}), else {@code <dataDir>/cache}.
     */
    public Path cacheDir() {
        return cacheDir;
    }

    /** True (default) when the embedded MongoDB writes every change to its file before acknowledging it. */
    public boolean mongoDurable() {
        return mongoDurable;
    }

    /** True when the gateway's rate limits are raised far above their defaults (see {@link #RAISED_GATEWAY_RATE_LIMITS}). */
    public boolean raiseRateLimits() {
        return raiseRateLimits;
    }

    /** The environment the launcher runs in, which every service inherits. */
    public Map<String, String> launcherEnvironment() {
        return launcherEnvironment;
    }

    public Consumer<String> reporter() {
        return reporter;
    }

    public static final class Builder {

        private Path dataDir = Paths.get(DEFAULT_DATA_DIR);
        private Path repoRoot;
        private String externalMongoUri;
        private String externalKafkaBootstrapServers;
        private int portOffset;
        private boolean freePorts;
        private Integer mongoPort;
        private Integer kafkaPort;
        private Integer kafkaControllerPort;
        private int kafkaPartitions = DEFAULT_KAFKA_PARTITIONS;
        private Integer gatewayManagementPort;
        private Integer mailSmtpPort;
        private Integer mailWebPort;
        private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
        private final Map<Service, Integer> scale = new EnumMap<>(Service.class);
        private Set<Service> services = EnumSet.allOf(Service.class);
        private List<String> serviceJavaOpts = List.of(DEFAULT_SERVICE_JAVA_OPTS.split(" "));
        private List<String> kafkaJavaOpts = List.of(DEFAULT_KAFKA_JAVA_OPTS.split(" "));
        private Duration readinessTimeout = Duration.ofSeconds(DEFAULT_READINESS_TIMEOUT_SECONDS);
        private Duration kafkaReadyTimeout = DEFAULT_KAFKA_READY_TIMEOUT;
        private StartOrder startOrder = StartOrder.STAGED_GATEWAY_LAST;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<Service, Map<String, String>> serviceEnvironment = new EnumMap<>(Service.class);
        private String javaExecutable;
        private String childClasspath;
        private boolean appCds = true;
        private boolean mongoDurable = true;
        private boolean raiseRateLimits;
        private Path cacheDir;
        private Map<String, String> launcherEnvironment = System.getenv();
        private Consumer<String> reporter = defaultReporter(System.out);

        private Builder() {
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Use this MongoDB instead of starting the embedded one. */
        public Builder externalMongo(String uri) {
            this.externalMongoUri = uri;
            return this;
        }

        /** Use this Kafka instead of starting a broker. */
        public Builder externalKafka(String bootstrapServers) {
            this.externalKafkaBootstrapServers = bootstrapServers;
            return this;
        }

        /** Added to every default port that is not set explicitly. */
        public Builder portOffset(int offset) {
            this.portOffset = offset;
            return this;
        }

        /** Every port not set explicitly gets a free ephemeral port (for tests). */
        public Builder freePorts() {
            this.freePorts = true;
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder gatewayManagementPort(int port) {
            this.gatewayManagementPort = port;
            return this;
        }

        /** The local mail sink's SMTP port and its web UI / REST API port. */
        public Builder mailPorts(int smtpPort, int webPort) {
            this.mailSmtpPort = smtpPort;
            this.mailWebPort = webPort;
            return this;
        }

        public Builder kafkaPartitions(int partitions) {
            this.kafkaPartitions = partitions;
            return this;
        }

        public Builder port(Service service, int port) {
            ports.put(service, port);
            return this;
        }

        public Builder port(String service, int port) {
            return port(Service.of(service), port);
        }

        /**
         * Start {@code instances} JVMs of a service (default 1), each on a port of its own, all in the same consumer
         * groups and sharing the same leases: the way to see how a service behaves scaled out. The gateway sends a
         * scaled service's requests to its instances in turn. Not the gateway itself: it is the platform's one entry
         * point on this machine.
         */
        public Builder scale(Service service, int instances) {
            if (instances < 1) {
                throw new IllegalArgumentException(service.module() + ": at least 1 instance, not " + instances);
            }
            if (service == Service.GATEWAY && instances > 1) {
                throw new IllegalArgumentException("the gateway runs once: it is the platform's one entry point "
                        + "(scale it behind a load balancer in production, see docs/operations.md)");
            }
            scale.put(service, instances);
            return this;
        }

        public Builder scale(String service, int instances) {
            return scale(Service.of(service), instances);
        }

        /** Which services to start, by name ({@code community-service} or {@code community}); none: infra only. */
        public Builder services(String... names) {
            Set<Service> selected = EnumSet.noneOf(Service.class);
            for (String name : names) {
                selected.add(Service.of(name));
            }
            this.services = selected;
            return this;
        }

        public Builder services(Set<Service> services) {
            this.services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
            return this;
        }

        /** Only MongoDB and Kafka. */
        public Builder infraOnly() {
            this.services = EnumSet.noneOf(Service.class);
            return this;
        }

        public Builder serviceJavaOpts(List<String> opts) {
            this.serviceJavaOpts = List.copyOf(opts);
            return this;
        }

        public Builder kafkaJavaOpts(List<String> opts) {
            this.kafkaJavaOpts = List.copyOf(opts);
            return this;
        }

        public Builder readinessTimeout(Duration timeout) {
            this.readinessTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder kafkaReadyTimeout(Duration timeout) {
            this.kafkaReadyTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder startOrder(StartOrder order) {
            this.startOrder = Objects.requireNonNull(order);
            return this;
        }

        /** An environment variable for every service. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** An environment variable for one service. */
        public Builder env(Service service, String name, String value) {
            serviceEnvironment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Builder javaExecutable(String java) {
            this.javaExecutable = java;
            return this;
        }

        /** Classpath of the Kafka child JVMs; see {@link StackOptions#childClasspath()}. */
        public Builder childClasspath(String classpath) {
            this.childClasspath = classpath;
            return this;
        }

        /** Run services from extracted jars with a class data sharing archive (default true). */
        public Builder appCds(boolean enabled) {
            this.appCds = enabled;
            return this;
        }

        /** See {@link EmbeddedMongo#EmbeddedMongo(Path, int, boolean)}; default true. */
        public Builder mongoDurable(boolean durable) {
            this.mongoDurable = durable;
            return this;
        }

        /**
         * Raise the gateway's per-client rate limits far above their defaults (default false: the real limits), for
         * test suites and benchmarks that send everything from one address; {@code env} still overrides each.
         */
        public Builder raiseRateLimits(boolean raise) {
            this.raiseRateLimits = raise;
            return this;
        }

        /** Where extracted jars and class data archives are kept; see {@link StackOptions#cacheDir()}. */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        /** The launcher's own environment, as the services inherit it; default {@link System#getenv()}. */
        public Builder launcherEnvironment(Map<String, String> environment) {
            this.launcherEnvironment = Objects.requireNonNull(environment);
            return this;
        }

        /** Receives one line per state change; default: standard output. */
        public Builder reporter(Consumer<String> reporter) {
            this.reporter = Objects.requireNonNull(reporter);
            return this;
        }

        public StackOptions build() {
            int extraInstances = scale.values().stream().mapToInt(n -> n - 1).sum();
            Iterator<Integer> free = freePorts
                    ? freeLocalPorts(Service.values().length + 6 + extraInstances).iterator()
                    : Collections.emptyIterator();
            Map<Service, Integer> resolved = new EnumMap<>(Service.class);
            Map<Service, List<Integer>> extraPorts = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                int first = port(ports.get(service), service.defaultPort(), free);
                resolved.put(service, first);
                List<Integer> extra = new ArrayList<>();
                for (int k = 1; k < scale.getOrDefault(service, 1); k++) {
                    extra.add(freePorts ? free.next() : first + k * INSTANCE_PORT_STEP);
                }
                extraPorts.put(service, List.copyOf(extra));
            }
            return new StackOptions(this, resolved, extraPorts, port(mongoPort, DEFAULT_MONGO_PORT, free),
                    port(kafkaPort, DEFAULT_KAFKA_PORT, free),
                    port(kafkaControllerPort, DEFAULT_KAFKA_CONTROLLER_PORT, free),
                    port(gatewayManagementPort, DEFAULT_GATEWAY_MANAGEMENT_PORT, free),
                    port(mailSmtpPort, DEFAULT_MAIL_SMTP_PORT, free), port(mailWebPort, DEFAULT_MAIL_WEB_PORT, free));
        }

        /** The port set explicitly, else a free one (see {@link #freePorts()}), else the default plus the offset. */
        private int port(Integer explicit, int defaultPort, Iterator<Integer> free) {
            if (explicit != null) {
                return explicit;
            }
            return freePorts ? free.next() : defaultPort + portOffset;
        }
    }

    static Consumer<String> defaultReporter(PrintStream out) {
        return line -> out.println("[nzc] " + line);
    }

    /** Distinct free ports on the loopback interface; all held open until every one is found. */
    static List<Integer> freeLocalPorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> result = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                result.add(socket.getLocalPort());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free local ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do: the port is free again either way
                }
            }
        }
    }
}
