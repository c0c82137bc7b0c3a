package org.netzerocities.launcher;

import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local SMTP sink of the embedded stack: GreenMail standalone in a child JVM (its jar bundles libraries that
 * would clash with this JVM's), listening on localhost only. notification-service sends every email there, so
 * nothing leaves the machine; GreenMail's web UI and REST API on {@link #webUrl()} show what was sent. The mails are
 * kept in memory: a restart of the launcher empties the sink.
 */
final class MailSink {

    /** Overrides where the jar is; by default next to the launcher's classes, where its build copies it. */
    static final String JAR_PROPERTY = "nzc.mail-sink.jar";
    private static final Duration POLL = Duration.ofMillis(200);

    private final Path jar;
    private final int smtpPort;
    private final int webPort;
    private final String java;
    private final ChildProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    MailSink(int smtpPort, int webPort, String java, Path logFile, Path runDir, Consumer<String> reporter) {
        this.jar = jar();
        this.smtpPort = smtpPort;
        this.webPort = webPort;
        this.java = java;
        this.process = new ChildProcess("mail-sink", logFile, runDir, reporter);
    }

    /** {@code target/greenmail/greenmail-standalone.jar} beside {@code target/classes} (maven-dependency-plugin). */
    static Path jar() {
        String property = System.getProperty(JAR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path classes = Path.of(MailSink.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolveSibling("greenmail").resolve("greenmail-standalone.jar");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String webUrl() {
        return "http://localhost:" + webPort;
    }

    int smtpPort() {
        return smtpPort;
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** Starts GreenMail and waits until its API answers ready. */
    Duration start(Path workDir, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new LocalStackException("missing " + jar + ": build the launcher first (mvn -DskipTests package), or set -D" + JAR_PROPERTY);
        }
        KafkaBroker.requireFree(smtpPort, "mail sink SMTP port");
        KafkaBroker.requireFree(webPort, "mail sink web port");
        process.start(command(), workDir, Map.of());
        Instant start = Instant.now();
        while (!ready()) {
            Duration elapsed = Duration.between(start, Instant.now());
            if (!process.isAlive() || elapsed.compareTo(timeout) > 0) {
                process.stop(Duration.ofSeconds(5));
                throw new LocalStackException("mail sink: not ready after " + elapsed.toSeconds() + " s; "
                        + process.describeTail(20));
            }
            KafkaBroker.sleep(POLL);
        }
        process.watchForUnexpectedExit();
        return Duration.between(start, Instant.now());
    }

    void stop(Duration grace) {
        process.stop(grace);
    }

    List<String> command() {
        return List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + webPort,
                // any sender and recipient, no login: a sink, not a mail server
                "-Dgreenmail.auth.disabled", "-jar", jar.toString());
    }

    private boolean ready() {
        return LocalStack.answersOk(http, webUrl() + "/api/service/readiness", "the mail sink");
    }
}
