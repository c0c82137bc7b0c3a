package org.netzerocities.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The launcher's command line: every option falls back to the environment variable named by its
 * {@code descriptionKey} (and its description says which), then to its default.
 */
@Command(name = "run-local.sh", sortOptions = false, usageHelpAutoWidth = true, abbreviateSynopsis = true,
        subcommands = RedriveCommand.class,
        description = "Runs the platform on this machine: a Kafka broker, the embedded MongoDB-wire server, "
                + "the four services and the gateway, each in its own JVM, until Ctrl-C.",
        footer = "Without the script: java -cp 'deploy/launcher/target/classes:deploy/launcher/target/lib/*' "
                + "org.netzerocities.launcher.LocalStack [OPTIONS] [COMMAND]")
final class LauncherCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "NZC_DATA_DIR",
            defaultValue = StackOptions.DEFAULT_DATA_DIR,
            description = "Data kept across restarts (env NZC_DATA_DIR, default ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--repo-root", paramLabel = "DIR", descriptionKey = "NZC_REPO_ROOT",
            description = "Where <module>/target/<module>.jar are (env NZC_REPO_ROOT, default: found upwards from "
                    + "the working directory).")
    private Path repoRoot;

    @Option(names = "--infra-only", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            descriptionKey = "NZC_INFRA_ONLY",
            description = "Only MongoDB and Kafka, no service (env NZC_INFRA_ONLY=true).")
    private boolean infraOnly;

    @Option(names = "--services", paramLabel = "NAME", split = "\\s*,\\s*", splitSynopsisLabel = ",",
            converter = ServiceName.class, descriptionKey = "NZC_SERVICES",
            description = "Services to start (env NZC_SERVICES, default all): community, learning, campaign, "
                    + "notification, gateway.")
    private List<Service> services;

    @Option(names = "--scale", paramLabel = "NAME=N", split = "\\s*,\\s*", splitSynopsisLabel = ",",
            descriptionKey = "NZC_SCALE",
            description = "Instances of a service, e.g. notification=2: each extra one on the service's port plus "
                    + StackOptions.INSTANCE_PORT_STEP + " (then 2 x " + StackOptions.INSTANCE_PORT_STEP
                    + "...), all in the same consumer groups; the gateway routes to the first (env NZC_SCALE, "
                    + "default 1 each).")
    private Map<String, Integer> scale;

    @Option(names = "--port-offset", paramLabel = "N", descriptionKey = "NZC_PORT_OFFSET",
            description = "Added to every default port (env NZC_PORT_OFFSET, default 0).")
    private int portOffset;

    @Option(names = "--mongo-port", paramLabel = "PORT", descriptionKey = "NZC_MONGO_PORT",
            description = "Embedded MongoDB port (env NZC_MONGO_PORT, default " + StackOptions.DEFAULT_MONGO_PORT
                    + " plus the offset).")
    private Integer mongoPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", descriptionKey = "NZC_KAFKA_PORT",
            description = "Kafka client port (env NZC_KAFKA_PORT, default " + StackOptions.DEFAULT_KAFKA_PORT
                    + " plus the offset).")
    private Integer kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT", descriptionKey = "NZC_KAFKA_CONTROLLER_PORT",
            description = "Kafka controller port (env NZC_KAFKA_CONTROLLER_PORT, default "
                    + StackOptions.DEFAULT_KAFKA_CONTROLLER_PORT + " plus the offset).")
    private Integer kafkaControllerPort;

    @Option(names = "--gateway-management-port", paramLabel = "PORT", descriptionKey = "NZC_GATEWAY_MANAGEMENT_PORT",
            description = "Port of the gateway's actuator (health, metrics), given to it as MANAGEMENT_SERVER_PORT "
                    + "(env NZC_GATEWAY_MANAGEMENT_PORT, default " + StackOptions.DEFAULT_GATEWAY_MANAGEMENT_PORT
                    + " plus the offset).")
    private Integer gatewayManagementPort;

    @Option(names = "--kafka-partitions", paramLabel = "N", descriptionKey = "NZC_KAFKA_PARTITIONS",
            defaultValue = "" + StackOptions.DEFAULT_KAFKA_PARTITIONS,
            description = "Partitions of the topics the broker creates on first use, as the services create theirs "
                    + "(env NZC_KAFKA_PARTITIONS, default ${DEFAULT-VALUE}).")
    private int kafkaPartitions;

    @Option(names = "--ready-timeout", paramLabel = "SECONDS", descriptionKey = "NZC_READY_TIMEOUT_SECONDS",
            defaultValue = "" + StackOptions.DEFAULT_READINESS_TIMEOUT_SECONDS,
            description = "How long each service may take to be ready (env NZC_READY_TIMEOUT_SECONDS, "
                    + "default ${DEFAULT-VALUE}).")
    private int readyTimeoutSeconds;

    @Option(names = "--start-order", paramLabel = "ORDER", descriptionKey = "NZC_START_ORDER",
            defaultValue = "STAGED_GATEWAY_LAST",
            description = "One of ${COMPLETION-CANDIDATES}, any case (env NZC_START_ORDER, default ${DEFAULT-VALUE}).")
    private StartOrder startOrder;

    @Option(names = "--service-java-opts", paramLabel = "'OPTS'", descriptionKey = "NZC_SERVICE_JAVA_OPTS",
            defaultValue = StackOptions.DEFAULT_SERVICE_JAVA_OPTS,
            description = "JVM options of each service, space-separated (env NZC_SERVICE_JAVA_OPTS, "
                    + "default ${DEFAULT-VALUE}).")
    private String serviceJavaOpts;

    @Option(names = "--kafka-java-opts", paramLabel = "'OPTS'", descriptionKey = "NZC_KAFKA_JAVA_OPTS",
            defaultValue = StackOptions.DEFAULT_KAFKA_JAVA_OPTS,
            description = "JVM options of the Kafka broker (env NZC_KAFKA_JAVA_OPTS, default ${DEFAULT-VALUE}).")
    private String kafkaJavaOpts;

    @Option(names = "--app-cds", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            descriptionKey = "NZC_APP_CDS", defaultValue = "true",
            description = "Run each service from its extracted jar with a class data sharing archive: about half "
                    + "the start-up time (env NZC_APP_CDS, default ${DEFAULT-VALUE}).")
    private boolean appCds;

    @Option(names = "--cache-dir", paramLabel = "DIR", descriptionKey = "NZC_CACHE_DIR",
            description = "Extracted jars and class data archives (env NZC_CACHE_DIR, default <data dir>/cache).")
    private Path cacheDir;

    @Option(names = "--mongo-durable", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            descriptionKey = "NZC_MONGO_DURABLE", defaultValue = "true",
            description = "The embedded MongoDB writes every change to its file before acknowledging it; false is "
                    + "faster but loses the last writes if the launcher is killed (env NZC_MONGO_DURABLE, "
                    + "default ${DEFAULT-VALUE}).")
    private boolean mongoDurable;

    @Option(names = "--raise-rate-limits", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            descriptionKey = "NZC_RAISE_RATE_LIMITS", defaultValue = "false",
            description = "Raise the gateway's per-client rate limits far above their defaults, for load tests and "
                    + "benchmarks that send everything from one address (env NZC_RAISE_RATE_LIMITS, default "
                    + "${DEFAULT-VALUE}: the real limits).")
    private boolean raiseRateLimits;

    @Option(names = "--mongodb-uri", paramLabel = "URI", descriptionKey = "MONGODB_URI",
            description = "Use this MongoDB instead of the embedded one (env MONGODB_URI).")
    private String mongodbUri;

    @Option(names = "--kafka-bootstrap-servers", paramLabel = "HOST:PORT", descriptionKey = "KAFKA_BOOTSTRAP_SERVERS",
            description = "Use this Kafka instead of starting a broker (env KAFKA_BOOTSTRAP_SERVERS).")
    private String kafkaBootstrapServers;

    private final Map<String, String> environment;

    private LauncherCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The launcher's command line, its defaults read from {@code environment}. */
    static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new LauncherCommand(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setDefaultValueProvider(new EnvironmentDefaults(environment))
                .setExecutionExceptionHandler(LauncherCommand::reportFailure);
    }

    /** A failure the launcher or Kafka explains is one line and exit code 1; anything else keeps its stack trace. */
    private static int reportFailure(Exception failure, CommandLine commandLine, ParseResult parsed) throws Exception {
        if (failure instanceof LocalStackException) {
            commandLine.getErr().println("[nzc] " + failure.getMessage());
            return 1;
        }
        if (failure instanceof KafkaException) {
            StringBuilder message = new StringBuilder("[nzc] kafka: ").append(failure.getMessage());
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                message.append(": ").append(cause.getMessage());
            }
            commandLine.getErr().println(message);
            return 1;
        }
        throw failure;
    }

    /** What the parsed command line asks for; the builder can still be adjusted. */
    StackOptions.Builder stackOptions() {
        StackOptions.Builder builder = StackOptions.builder()
                .dataDir(dataDir)
                .repoRoot(repoRoot)
                .portOffset(portOffset)
                .kafkaPartitions(kafkaPartitions)
                .readinessTimeout(Duration.ofSeconds(readyTimeoutSeconds))
                .startOrder(startOrder)
                .serviceJavaOpts(words(serviceJavaOpts))
                .kafkaJavaOpts(words(kafkaJavaOpts))
                .appCds(appCds)
                .cacheDir(cacheDir)
                .mongoDurable(mongoDurable)
                .raiseRateLimits(raiseRateLimits)
                .externalMongo(mongodbUri)
                .externalKafka(kafkaBootstrapServers)
                .launcherEnvironment(environment);
        if (mongoPort != null) {
            builder.mongoPort(mongoPort);
        }
        if (kafkaPort != null) {
            builder.kafkaPort(kafkaPort);
        }
        if (kafkaControllerPort != null) {
            builder.kafkaControllerPort(kafkaControllerPort);
        }
        if (gatewayManagementPort != null) {
            builder.gatewayManagementPort(gatewayManagementPort);
        }
        if (scale != null) {
            try {
                scale.forEach(builder::scale);
            } catch (IllegalArgumentException e) {
                throw new LocalStackException("--scale: " + e.getMessage());
            }
        }
        if (infraOnly) {
            builder.infraOnly();
        } else if (services != null) {
            builder.services(Set.copyOf(services));
        }
        return builder;
    }

    private static List<String> words(String line) {
        return line.isBlank() ? List.of() : List.of(line.trim().split("\\s+"));
    }

    /** Starts the stack and runs until Ctrl-C, whose shutdown hook stops it. */
    @Override
    public Integer call() throws InterruptedException {
        LocalStack stack = new LocalStack(stackOptions().build()).start();
        stack.printSummary();
        new CountDownLatch(1).await();
        return 0;
    }

    /** The value of the environment variable named by an option's {@code descriptionKey}, unless blank. */
    private record EnvironmentDefaults(Map<String, String> environment) implements CommandLine.IDefaultValueProvider {

        @Override
        public String defaultValue(ArgSpec argument) {
            String value = argument.descriptionKey().isEmpty() ? null : environment.get(argument.descriptionKey());
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** A service by module, short or constant name; see {@link Service#of(String)}. */
    static final class ServiceName implements ITypeConverter<Service> {

        @Override
        public Service convert(String name) {
            try {
                return Service.of(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
