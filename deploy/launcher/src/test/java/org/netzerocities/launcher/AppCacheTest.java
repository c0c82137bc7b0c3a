package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCacheTest {

    @TempDir
    Path dir;

    private final AppCache cache = new AppCache(Path.of("unused"), "java", List.of(), line -> { });

    @Test
    void anArchiveRecordedByACleanExitIsKept() throws Exception {
        AppCache.Launch launch = training();
        Files.writeString(launch.training(), "classes");

        cache.afterExit(launch, true);

        assertThat(launch.archive()).hasContent("classes");
        assertThat(launch.training()).doesNotExist();
    }

    @Test
    void anArchiveOfAKilledRunIsDroppedSoTheNextRunRecordsAgain() throws Exception {
        AppCache.Launch launch = training();
        Files.writeString(launch.training(), "half");

        cache.afterExit(launch, false);

        assertThat(launch.archive()).doesNotExist();
        assertThat(launch.training()).doesNotExist();
    }

    @Test
    void onlyTheFirstInstanceOfAScaledServiceRecordsTheArchiveAndAllMapItOnceItExists() {
        AppCache.Launch recording = new AppCache.Launch(Service.NOTIFICATION, dir.resolve("app/n.jar"),
                List.of("-XX:ArchiveClassesAtExit=" + dir.resolve("app-cds.training.jsa")),
                dir.resolve("app-cds.training.jsa"), dir.resolve("app-cds.jsa"));
        AppCache.Launch mapping = new AppCache.Launch(Service.NOTIFICATION, dir.resolve("app/n.jar"),
                List.of("-XX:SharedArchiveFile=" + dir.resolve("app-cds.jsa"), "-Xshare:auto"), null,
                dir.resolve("app-cds.jsa"));

        assertThat(recording.jvmOpts(0)).isEqualTo(recording.jvmOpts());
        assertThat(recording.jvmOpts(1)).isEmpty();
        assertThat(mapping.jvmOpts(1)).isEqualTo(mapping.jvmOpts());
    }

    private AppCache.Launch training() {
        return new AppCache.Launch(Service.LEARNING, dir.resolve("app/learning-service.jar"), List.of(),
                dir.resolve("app-cds.training.jsa"), dir.resolve("app-cds.jsa"));
    }
}
