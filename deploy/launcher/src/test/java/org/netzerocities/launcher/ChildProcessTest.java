package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedStopKillsAtOnceAndKeepsTheInterrupt() {
        ChildProcess stubborn = new ChildProcess("stubborn", dir.resolve("stubborn.log"), dir, line -> { });
        // ignores SIGTERM, as a JVM stuck in its shutdown would
        stubborn.start(List.of("/bin/sh", "-c", "trap '' TERM; echo ready; exec sleep 60"), dir, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(dir.resolve("stubborn.log")).contains("ready"));

        long start = System.nanoTime();
        Thread.currentThread().interrupt();
        boolean graceful = stubborn.stop(Duration.ofSeconds(20));

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(graceful).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the grace period")
                .isLessThan(Duration.ofSeconds(5));
        await("killed").atMost(Duration.ofSeconds(5)).until(() -> !stubborn.isAlive());
    }
}
