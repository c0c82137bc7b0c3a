package org.netzerocities.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Faster service start-up on a small machine: each Spring Boot jar is extracted once
 * ({@code java -Djarmode=tools -jar X.jar extract}) and run with a dynamic AppCDS archive (class data sharing), which
 * the first run records when it exits ({@code -XX:ArchiveClassesAtExit}) and later runs map
 * ({@code -XX:SharedArchiveFile}). Measured on 2 cores: community-service ready in 8-9 s as a fat jar, 5.7 s
 * extracted, 3.4 s extracted with the archive.
 *
 * <p>Everything lives in {@code <cacheDir>/<module>/} and is redone when the jar, the JVM or the JVM options change.
 * An archive is only kept when the run that recorded it ended cleanly.
 */
final class AppCache {

    private static final String FINGERPRINT = "fingerprint";
    private static final String ARCHIVE = "app-cds.jsa";
    private static final String TRAINING = "app-cds.training.jsa";
    private static final String UNEXTRACTABLE = "|unextractable";

    private final Path cacheDir;
    private final String javaExecutable;
    private final List<String> jvmOpts;
    private final Consumer<String> reporter;

    /** How one service is launched: the jar to run and the class data sharing options. */
    record Launch(Service service, Path jar, List<String> jvmOpts, Path training, Path archive) {

        boolean isTraining() {
            return training != null;
        }

        /**
         * The class data sharing options of one instance of a scaled service: only the first records the archive
         * (two JVMs must not write one file at exit); the others go without until it exists, then map it too.
         */
        List<String> jvmOpts(int instance) {
            return instance == 0 || !isTraining() ? jvmOpts : List.of();
        }
    }

    AppCache(Path cacheDir, String javaExecutable, List<String> jvmOpts, Consumer<String> reporter) {
        this.cacheDir = cacheDir;
        this.javaExecutable = javaExecutable;
        this.jvmOpts = List.copyOf(jvmOpts);
        this.reporter = reporter;
    }

    /** Extracts the jars that changed (in parallel) and says how to launch each service. */
    Map<Service, Launch> prepare(Map<Service, Path> jars) {
        Map<Service, Launch> launches = new EnumMap<>(Service.class);
        Map<Service, ChildProcess> extracting = new EnumMap<>(Service.class);
        Instant start = Instant.now();
        jars.forEach((service, jar) -> {
            Path dir = cacheDir.resolve(service.module());
            String fingerprint = fingerprint(jar);
            String known = read(dir.resolve(FINGERPRINT));
            if (known.equals(fingerprint) || known.equals(fingerprint + UNEXTRACTABLE)) {
                return;
            }
            deleteRecursively(dir);
            List<String> command = List.of(javaExecutable, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    ChildProcess.marker(service.module() + "-extract"), "-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--destination", dir.resolve("app").toString());
            ChildProcess process = new ChildProcess(service.module() + "-extract",
                    dir.resolve("extract.log"), dir, reporter, true);
            process.start(command, dir, Map.of());
            extracting.put(service, process);
        });
        if (!extracting.isEmpty()) {
            reporter.accept("extracting " + extracting.size() + " service jar(s) into " + cacheDir
                    + " for a faster start (once per build)");
        }
        extracting.forEach((service, process) -> {
            Path dir = cacheDir.resolve(service.module());
            int exit;
            try {
                exit = process.waitFor(Duration.ofSeconds(120));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while extracting " + service.module(), e);
            }
            process.stop(Duration.ZERO);
            Path extracted = dir.resolve("app").resolve(jars.get(service).getFileName());
            if (exit == 0 && Files.isRegularFile(extracted)) {
                write(dir.resolve(FINGERPRINT), fingerprint(jars.get(service)));
            } else {
                write(dir.resolve(FINGERPRINT), fingerprint(jars.get(service)) + UNEXTRACTABLE);
                reporter.accept(service.module() + ": could not extract the jar (exit code " + exit
                        + "), running it as it is; " + process.describeTail(5));
            }
        });
        if (!extracting.isEmpty()) {
            reporter.accept(String.format("extracted in %.1f s", Duration.between(start, Instant.now()).toMillis()
                    / 1000.0));
        }
        jars.forEach((service, jar) -> launches.put(service, launch(service, jar)));
        return launches;
    }

    private Launch launch(Service service, Path jar) {
        Path dir = cacheDir.resolve(service.module());
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        if (!fingerprint(jar).equals(read(dir.resolve(FINGERPRINT))) || !Files.isRegularFile(extracted)) {
            return new Launch(service, jar, List.of(), null, null);
        }
        Path archive = dir.resolve(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return new Launch(service, extracted,
                    List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), null, archive);
        }
        Path training = dir.resolve(TRAINING);
        delete(training);
        return new Launch(service, extracted, List.of("-XX:ArchiveClassesAtExit=" + training), training, archive);
    }

    /**
     * After a service's JVM ended: keeps the archive its run recorded if it ended cleanly (the JVM writes it on
     * exit), else drops it so that the next run records a new one.
     */
    void afterExit(Launch launch, boolean endedCleanly) {
        if (launch == null || !launch.isTraining() || !Files.exists(launch.training())) {
            return;
        }
        try {
            if (endedCleanly && Files.size(launch.training()) > 0) {
                Files.move(launch.training(), launch.archive(), StandardCopyOption.REPLACE_EXISTING);
                reporter.accept(launch.service().module() + ": class data archive recorded, the next start is faster");
            } else {
                delete(launch.training());
            }
        } catch (IOException e) {
            delete(launch.training());
        }
    }

    private String fingerprint(Path jar) {
        try {
            return String.join("|", jar.toAbsolutePath().toString(), Long.toString(Files.size(jar)),
                    Long.toString(Files.getLastModifiedTime(jar).toMillis()), javaExecutable,
                    System.getProperty("java.vm.version"), String.join(" ", jvmOpts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // recorded again on the next run
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).filter(Objects::nonNull)
                    .forEach(java.io.File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
