package org.netzerocities.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One child JVM: output appended to its log file, pid recorded under {@code <dataDir>/run} so that a launcher that
 * was killed hard can clean up after itself on the next start.
 */
final class ChildProcess {

    /** Marks the command line of every child so that a leftover one can be recognised: {@code -Dnzc.child=NAME}. */
    static final String MARKER_PROPERTY = "nzc.child";

    private final String name;
    private final Path logFile;
    private final Path pidFile;
    private final Consumer<String> reporter;
    private final boolean oneShot;
    private volatile Process process;
    /** The process we asked to stop: its exit is expected. */
    private volatile Process stopRequested;
    /** The process that was ready: from then on an exit of its own is reported. */
    private volatile Process watched;
    private volatile Instant startedAt;

    ChildProcess(String name, Path logFile, Path runDir, Consumer<String> reporter) {
        this(name, logFile, runDir, reporter, false);
    }

    /** @param oneShot a tool expected to exit by itself: its exit is not reported as unexpected */
    ChildProcess(String name, Path logFile, Path runDir, Consumer<String> reporter, boolean oneShot) {
        this.oneShot = oneShot;
        this.name = name;
        this.logFile = logFile;
        this.pidFile = runDir.resolve(name + ".pid");
        this.reporter = reporter;
    }

    static String marker(String name) {
        return "-D" + MARKER_PROPERTY + "=" + name;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    Instant startedAt() {
        return startedAt;
    }

    synchronized void start(List<String> command, Path workDir, Map<String, String> environment) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        stopLeftover();
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(workDir);
            Files.writeString(logFile, System.lineSeparator() + "=== " + name + " started by the launcher at "
                            + Instant.now() + " ===" + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            startedAt = Instant.now();
            Process started = builder.start();
            process = started;
            Files.writeString(pidFile, Long.toString(started.pid()));
            started.onExit().thenAccept(p -> {
                if (!oneShot && watched == p && stopRequested != p) {
                    reporter.accept(name + ": exited unexpectedly with code " + p.exitValue()
                            + " (log: " + logFile + ")");
                }
            });
        } catch (IOException e) {
            throw new LocalStackException(name + ": cannot start " + String.join(" ", command) + ": " + e, e);
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    Optional<Integer> exitCode() {
        Process p = process;
        return p != null && !p.isAlive() ? Optional.of(p.exitValue()) : Optional.empty();
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** Asks the process to stop (SIGTERM) without waiting. */
    synchronized void requestStop() {
        Process p = process;
        if (p == null || stopRequested == p) {
            return;
        }
        stopRequested = p;
        if (p.isAlive()) {
            p.destroy();
        }
    }

    /** Called once the process is ready: an exit after this, unless asked for, is reported as unexpected. */
    void watchForUnexpectedExit() {
        watched = process;
    }

    /**
     * SIGTERM, wait up to {@code grace}, then SIGKILL.
     *
     * @return true when the process ended within the grace period (or was not running)
     */
    boolean stop(Duration grace) {
        requestStop();
        Process p = process;
        boolean graceful = true;
        if (p != null) {
            graceful = terminate(p.toHandle(), grace, true);
        }
        deletePidFile();
        return graceful;
    }

    /** Waits for the process to end by itself, up to {@code timeout}. */
    int waitFor(Duration timeout) throws InterruptedException {
        Process p = process;
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new LocalStackException(name + ": still running after " + timeout.toSeconds() + " s");
        }
        return p.exitValue();
    }

    /** The last lines of the log file, for error messages. */
    List<String> tail(int lines) {
        if (!Files.isRegularFile(logFile)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String describeTail(int lines) {
        StringBuilder sb = new StringBuilder("last lines of ").append(logFile).append(':');
        for (String line : tail(lines)) {
            sb.append(System.lineSeparator()).append("    | ").append(line);
        }
        return sb.toString();
    }

    /** A child of an earlier launcher that was killed without cleaning up still holds our ports: stop it. */
    private void stopLeftover() {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive() && isOurs(handle.get())) {
                reporter.accept(name + ": stopping a leftover process from an earlier run (pid " + pid + ")");
                terminate(handle.get(), Duration.ofSeconds(20), false);
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file protects nothing
        }
        deletePidFile();
    }

    private boolean isOurs(ProcessHandle handle) {
        String marker = marker(name);
        return handle.info().arguments().map(args -> Arrays.asList(args).contains(marker))
                .or(() -> handle.info().commandLine().map(cmd -> cmd.contains(marker)))
                .orElse(false);
    }

    private static boolean terminate(ProcessHandle handle, Duration grace, boolean alreadySignalled) {
        if (!handle.isAlive()) {
            return true;
        }
        if (!alreadySignalled) {
            handle.destroy();
        }
        if (awaitExit(handle, grace)) {
            return true;
        }
        handle.destroyForcibly();
        awaitExit(handle, Duration.ofSeconds(10));
        return false;
    }

    /**
     * True when the process ended within {@code timeout}. Interrupted, it stops waiting and keeps the thread's
     * interrupt status, so that a stop that is interrupted kills what is left at once instead of waiting for it.
     */
    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException | ExecutionException notInTime) {
            return false;
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before use
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
