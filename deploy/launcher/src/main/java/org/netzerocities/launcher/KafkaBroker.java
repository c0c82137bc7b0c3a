package org.netzerocities.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker + controller, one node) in a child JVM, with its data
 * under one directory: {@code server.properties}, {@code log4j2.xml} and {@code logs/} (the log dir, formatted once).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String META_PROPERTIES = "meta.properties";
    private static final List<String> TOOL_JAVA_OPTS =
            List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private final Path dir;
    private final Path runDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final String javaExecutable;
    private final String classpath;
    private final List<String> jvmOpts;
    private final Consumer<String> reporter;
    private final ChildProcess process;
    private volatile Duration lastFormatDuration;
    private volatile Duration lastReadyDuration;

    /**
     * @param dir        the broker's own directory (config and log dir), created if missing
     * @param logFile    where the broker's output goes
     * @param runDir     where its pid file goes
     * @param partitions of the topics it creates on first use
     * @param classpath  classpath with kafka_2.13, kafka-server, log4j-core and this launcher's classes
     */
    public KafkaBroker(Path dir, Path logFile, Path runDir, int port, int controllerPort, int partitions,
                       String javaExecutable, String classpath, List<String> jvmOpts, Consumer<String> reporter) {
        this.dir = dir.toAbsolutePath().normalize();
        this.runDir = runDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
        this.javaExecutable = javaExecutable;
        this.classpath = classpath;
        this.jvmOpts = List.copyOf(jvmOpts);
        this.reporter = reporter;
        this.process = new ChildProcess("kafka", logFile.toAbsolutePath(), runDir.toAbsolutePath(), reporter);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path logDir() {
        return dir.resolve("logs");
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** How long the last format took, or null when the last start found the log dir already formatted. */
    public Duration lastFormatDuration() {
        return lastFormatDuration;
    }

    /** From process start to the broker answering a describeCluster, at the last start. */
    public Duration lastReadyDuration() {
        return lastReadyDuration;
    }

    /** Writes the configuration, formats the log dir if it never was, starts the broker and waits until it serves. */
    public synchronized void start(Duration readyTimeout) {
        if (process.isAlive()) {
            throw new IllegalStateException("kafka is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(logDir());
            Path config = writeServerProperties();
            Path log4j = writeLog4jConfig();
            formatIfNeeded(config, log4j);
            requireFree(port, "Kafka client port");
            requireFree(controllerPort, "Kafka controller port");

            reporter.accept("kafka: starting on " + bootstrapServers() + " (controller :" + controllerPort + ")");
            List<String> command = new ArrayList<>();
            command.add(javaExecutable);
            command.addAll(jvmOpts);
            command.add(ChildProcess.marker("kafka"));
            command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
            command.add("-Djava.awt.headless=true");
            command.add("-cp");
            command.add(classpath);
            command.add(KafkaServerMain.class.getName());
            command.add(Long.toString(ProcessHandle.current().pid()));
            command.add(config.toString());
            process.start(command, dir, Map.of());
            awaitReady(readyTimeout);
            process.watchForUnexpectedExit();
            reporter.accept(String.format("kafka: ready after %.1f s (pid %d)",
                    lastReadyDuration.toMillis() / 1000.0, process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
    }

    /** SIGTERM (the broker shuts down cleanly), up to {@code grace}, then SIGKILL. */
    public synchronized void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        reporter.accept("kafka: stopping");
        Instant start = Instant.now();
        boolean graceful = process.stop(grace);
        reporter.accept(String.format("kafka: stopped%s after %.1f s", graceful ? "" : " (killed)",
                Duration.between(start, Instant.now()).toMillis() / 1000.0));
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    Path writeServerProperties() throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, serverProperties());
        return config;
    }

    String serverProperties() {
        String logDirs = logDir().toString().replace('\\', '/');
        return String.join(System.lineSeparator(),
                "# written by the NetZeroCommunities launcher at every start: change its options (--help), not this file",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs,
                "num.partitions=" + partitions,
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
    }

    private Path writeLog4jConfig() throws IOException {
        Path target = dir.resolve("log4j2.xml");
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-log4j2.xml")) {
            if (in == null) {
                throw new IllegalStateException("kafka-log4j2.xml missing from the launcher's classpath");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Formats the log dir once; later starts keep the cluster id and every record. */
    private void formatIfNeeded(Path config, Path log4j) throws IOException {
        lastFormatDuration = null;
        if (Files.isRegularFile(logDir().resolve(META_PROPERTIES))) {
            return;
        }
        reporter.accept("kafka: formatting " + logDir() + " (first start)");
        Instant start = Instant.now();
        // what `kafka-storage.sh random-uuid` prints, without a JVM start for it
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(TOOL_JAVA_OPTS);
        command.add(ChildProcess.marker("kafka-format"));
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.add("-cp");
        command.add(classpath);
        command.add("kafka.tools.StorageTool");
        command.addAll(List.of("format", "-t", clusterId, "-c", config.toString()));
        ChildProcess format = new ChildProcess("kafka-format", process.logFile(), runDir, reporter, true);
        format.start(command, dir, Map.of());
        int exit;
        try {
            exit = format.waitFor(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            format.stop(Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new LocalStackException("kafka: interrupted while formatting", e);
        } catch (LocalStackException e) {
            format.stop(Duration.ofSeconds(5));
            throw e;
        }
        format.stop(Duration.ZERO);
        if (exit != 0 || !Files.isRegularFile(logDir().resolve(META_PROPERTIES))) {
            throw new LocalStackException("kafka: formatting " + logDir() + " failed with exit code " + exit + "; "
                    + format.describeTail(20));
        }
        lastFormatDuration = Duration.between(start, Instant.now());
        reporter.accept(String.format("kafka: formatted in %.1f s (cluster id %s)",
                lastFormatDuration.toMillis() / 1000.0, clusterId));
    }

    private void awaitReady(Duration timeout) {
        Instant start = process.startedAt();
        Instant deadline = start.plus(timeout);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 250);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new LocalStackException("kafka: exited with code " + process.exitCode().orElse(-1)
                            + " before it was ready; " + process.describeTail(30));
                }
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                            .get(3, TimeUnit.SECONDS);
                    lastReadyDuration = Duration.between(start, Instant.now());
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LocalStackException("kafka: interrupted while waiting for it", e);
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new LocalStackException("kafka: not ready after " + timeout.toSeconds() + " s; "
                                + process.describeTail(30));
                    }
                    sleep(Duration.ofMillis(200));
                }
            }
        }
    }

    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new LocalStackException(what + " " + port + " is already in use: is another launcher or server "
                    + "running? Stop it, or choose other ports (--port-offset=N, see --help)");
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted", e);
        }
    }
}
