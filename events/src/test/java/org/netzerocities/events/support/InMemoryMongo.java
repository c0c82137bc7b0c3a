package org.netzerocities.events.support;

import java.net.InetSocketAddress;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A real MongoDB-wire server in memory, one per test JVM, and a fresh database per test class or test. */
public final class InMemoryMongo {

    private static MongoServer server;
    private static MongoClient client;

    private InMemoryMongo() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            client = MongoClients.create("mongodb://localhost:" + address.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return "mongodb://localhost:" + server.getLocalAddress().getPort();
    }

    public static MongoTemplate freshDatabase() {
        uri();
        return new MongoTemplate(client, "test-" + UUID.randomUUID());
    }
}
