package org.netzerocities.testsupport;

import java.net.InetSocketAddress;

import org.netzerocities.events.contract.EventCatalog;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One embedded Kafka broker and one embedded MongoDB-wire server per test JVM, started on first use
 * and stopped when the JVM exits. Sharing them lets every cached Spring context of a module's tests
 * reuse the same broker instead of paying ~5 s for a new one.
 */
public final class SharedInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static MongoServer mongo;
    private static String mongoUri;

    private SharedInfrastructure() {
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3,
                    EventCatalog.topicsWithDeadLetters().toArray(String[]::new));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
            kafka = broker;
        }
        return kafka;
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
            mongo = server;
            mongoUri = "mongodb://localhost:" + address.getPort();
        }
        return mongoUri;
    }
}
