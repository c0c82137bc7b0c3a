package org.netzerocities.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire server inside this JVM (mongo-java-server), its databases persisted in one H2 MVStore file.
 * Not a MongoDB: no transactions, no {@code $text}, no {@code hello}; see stack-notes.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    /**
     * @param file the H2 MVStore file, e.g. {@code <dataDir>/mongo/nzc.mv}; its directory is created if missing
     * @param port port to bind on localhost
     */
    public EmbeddedMongo(Path file, int port) {
        this.file = file.toAbsolutePath().normalize();
        this.port = port;
    }

    public synchronized EmbeddedMongo start() {
        if (server != null) {
            throw new IllegalStateException("embedded MongoDB is already running");
        }
        KafkaBroker.requireFree(port, "MongoDB port");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2Backend backend;
        try {
            backend = new H2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new LocalStackException("cannot open " + file + " (is another launcher using this data dir?): "
                    + e.getMessage(), e);
        }
        MongoServer started = new MongoServer(backend);
        try {
            started.bind("localhost", port);
        } catch (RuntimeException e) {
            backend.close();
            throw new LocalStackException("cannot bind the embedded MongoDB on localhost:" + port + ": "
                    + e.getMessage(), e);
        }
        server = started;
        return this;
    }

    public String uri() {
        return "mongodb://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path file() {
        return file;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Closes client connections and the H2 store, which writes everything to the file. */
    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.shutdownNow();
            } finally {
                server = null;
            }
        }
    }
}
