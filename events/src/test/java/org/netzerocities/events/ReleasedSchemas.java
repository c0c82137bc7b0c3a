package org.netzerocities.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * A module's JSON Schemas compared with their versions in the latest release: the most recent git tag reachable
 * from HEAD. A schema file the release does not have (a new type, or the {@code .v2} of one) is a new contract
 * and is not compared; a released schema file must not disappear, since consumers of its type rely on it.
 */
final class ReleasedSchemas {

    /** Where the schemas live, relative to the module directory. */
    static final String SCHEMAS = "src/main/resources/schemas";

    sealed interface Outcome {
    }

    /** Nothing to compare with: no git, not a git checkout (a source tarball), or a shallow clone without tags. */
    record Unavailable(String reason) implements Outcome {
    }

    /** No release yet: v1 schemas may still change. */
    record NoRelease() implements Outcome {
    }

    /** The breaking changes since {@code release}, each prefixed with its schema file; empty when compatible. */
    record Compared(String release, List<String> breakingChanges) implements Outcome {
    }

    private ReleasedSchemas() {
    }

    static Outcome compare(Path moduleDir) throws IOException {
        Path module = moduleDir.toAbsolutePath();
        boolean shallow;
        try {
            shallow = git(module, "rev-parse", "--is-shallow-repository").equals("true");
        } catch (IOException e) {
            return new Unavailable(e.getMessage());
        }
        if (git(module, "tag", "--merged", "HEAD").isEmpty()) {
            // a shallow clone may merely lack the history that holds the release
            return shallow ? new Unavailable("shallow clone without a release tag in its history; fetch the full "
                    + "history and tags to compare with the latest release") : new NoRelease();
        }
        String release = git(module, "describe", "--tags", "--abbrev=0");
        List<String> breakingChanges = new ArrayList<>();
        for (String file : git(module, "ls-tree", "-r", "--name-only", release, "--", SCHEMAS).lines().toList()) {
            String schema = file.substring(SCHEMAS.length() + 1);
            Path current = module.resolve(file);
            if (!Files.exists(current)) {
                breakingChanges.add(schema + ": deleted since " + release + ", yet consumers of its type rely on it");
                continue;
            }
            SchemaCompatibility.breakingChanges(
                    JsonMapper.shared().readTree(git(module, "show", release + ":./" + file)),
                    JsonMapper.shared().readTree(Files.readString(current)))
                    .forEach(change -> breakingChanges.add(schema + " " + change));
        }
        return new Compared(release, breakingChanges);
    }

    /** Runs git in {@code dir} and returns its trimmed output; fails with git's message when git does. */
    static String git(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        String error = new String(process.getErrorStream().readAllBytes(), UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", arguments) + ": " + error.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for git");
        }
        return output.strip();
    }
}
