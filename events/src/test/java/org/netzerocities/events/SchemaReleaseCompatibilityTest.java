package org.netzerocities.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.ReleasedSchemas.Compared;
import org.netzerocities.events.ReleasedSchemas.NoRelease;
import org.netzerocities.events.ReleasedSchemas.Outcome;
import org.netzerocities.events.ReleasedSchemas.Unavailable;

/**
 * The build check: no JSON Schema of this module changed incompatibly since the latest release (the most recent
 * git tag). A breaking change ships as a new version of the type instead: a {@code .v2} schema and event type.
 */
class SchemaReleaseCompatibilityTest {

    @Test
    void schemasChangedOnlyCompatiblySinceTheLatestRelease() throws IOException {
        // surefire runs the tests in the module directory
        Outcome outcome = ReleasedSchemas.compare(Path.of(""));

        if (outcome instanceof Unavailable unavailable) {
            note("skipped, no git history to compare with: " + unavailable.reason());
            abort(unavailable.reason());
        }
        if (outcome instanceof NoRelease) {
            note("no release tag yet, so schemas are not compared: v1 schemas may still change until the first "
                    + "release (git tag vX.Y.Z)");
            return;
        }
        Compared compared = (Compared) outcome;
        note("schemas compared with release " + compared.release());
        assertThat(compared.breakingChanges())
                .as("schemas changed incompatibly since release %s; publish a new version of the type "
                        + "(a .v2 schema and event type) instead", compared.release())
                .isEmpty();
    }

    /** Printed so that the build log says what the check compared, or why it did not. */
    private static void note(String message) {
        System.out.println("[schema compatibility] " + message);
    }
}
