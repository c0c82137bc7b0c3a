package org.netzerocities.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStoreTool;

/**
 * A MongoDB-wire server inside this JVM (mongo-java-server), its databases persisted in one H2 MVStore file.
 * Not a MongoDB: no transactions, no {@code $text}, no {@code hello}.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final Path file;
    private final int port;
    private final boolean durable;
    private MongoServer server;

    /**
     * @param file    the H2 MVStore file, e.g. {@code <dataDir>/mongo/nzc.mv}; its directory is created if missing
     * @param port    port to bind on localhost
     * @param durable true to write every change to the file before it is acknowledged, so that it survives the
     *                process being killed; false to leave it to the store's background commit (about once a second),
     *                which is faster but loses the last acknowledged writes when the process dies
     */
    public EmbeddedMongo(Path file, int port, boolean durable) {
        this.file = file.toAbsolutePath().normalize();
        this.port = port;
        this.durable = durable;
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
            backend = durable ? new CommitBeforeReplyBackend(file.toString()) : new H2Backend(file.toString());
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

    public boolean durable() {
        return durable;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Closes client connections and the H2 store, which writes everything to the file, then compacts the file: every
     * commit appends a chunk whose space H2 reuses only 45 s later, so a burst of durable writes grows the file by
     * about 18 KB per write until it is compacted.
     */
    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.shutdownNow();
            } finally {
                server = null;
            }
            MVStoreTool.compact(file.toString(), false);
        }
    }

    /**
     * Commits the MVStore before the reply to every command that changed it (every write path of mongo-java-server
     * goes through {@code handleCommand}), so an acknowledged write is in the file. It is written to the operating
     * system, not forced to the disk: it survives the process being killed, not the machine losing power.
     * A write whose write concern says {@code j: false} is acknowledged without waiting for the file, as MongoDB
     * acknowledges it before its journal: the next commit (another write's, or the store's own within a second)
     * takes it along.
     */
    private static final class CommitBeforeReplyBackend extends H2Backend {

        CommitBeforeReplyBackend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                if (!unjournaled(query)) {
                    getMvStore().commit(); // does nothing when the command changed nothing (reads)
                }
            }
        }

        private static boolean unjournaled(Document command) {
            return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
        }
    }
}
