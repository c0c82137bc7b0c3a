package org.netzerocities.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.netzerocities.testsupport.TcpProxy;
import org.netzerocities.testsupport.TestEvents;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.ConnectionString;

/**
 * The consumer's database goes away for a while: events keep arriving, every one is retried until the
 * database is back, and none is lost or dead-lettered. Its own database and consumer group, so the
 * other tests' consumers, which reach the database, cannot do the work in its place.
 */
@SpringBootTest(properties = {
        "spring.kafka.consumer.group-id=notification-outage-test",
        "spring.mongodb.database=nzc-notification-outage",
        "nzc.events.consumer.initial-backoff=100ms",
        "nzc.events.consumer.max-transient-backoff=2s" })
@Import({ PlatformInfrastructure.class, DatabaseOutageTest.BehindAProxy.class })
class DatabaseOutageTest {

    private static TcpProxy database;

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Value("${nzc.test.database-outage:12s}")
    Duration outage;

    @AfterAll
    static void closeProxy() throws IOException {
        database.close();
    }

    @Test
    void eventsThatArriveWhileTheDatabaseIsAwayAreAllAppliedOnceItIsBack() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(this::databaseAnswers);
        database.cut();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String memberId = UUID.randomUUID().toString();
            members.add(memberId);
            TestEvents.publish(kafka, codec, TestEvents.memberJoined(codec, memberId, "cluj-napoca", List.of("ro")));
        }

        Thread.sleep(outage.toMillis()); // the outage itself: nothing to wait for but time
        database.restore();

        await().atMost(Duration.ofSeconds(30)).until(() -> members.stream().allMatch(
                m -> StoredNotifications.of(mongo, m).size() == 1));
        Set<String> keys = Set.copyOf(members);
        var deadLetters = TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC + ".DLT", r -> keys.contains(r.key()), 1, Duration.ofSeconds(3));
        assertThat(deadLetters).isEmpty();
    }

    private boolean databaseAnswers() {
        try {
            mongo.getCollection(Notification.COLLECTION).countDocuments();
            return true;
        }
        catch (RuntimeException notYet) {
            return false;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class BehindAProxy {

        @Bean
        @Primary
        MongoConnectionDetails databaseBehindAProxy() throws IOException {
            var target = new ConnectionString(SharedInfrastructure.mongoUri());
            database = new TcpProxy("localhost", Integer.parseInt(target.getHosts().get(0).split(":")[1]));
            var proxied = new ConnectionString("mongodb://localhost:" + database.port());
            return () -> proxied;
        }

        /** Fail each try fast, as the services do, rather than after the driver's 30 s default. */
        @Bean
        MongoClientSettingsBuilderCustomizer quickServerSelection() {
            return settings -> settings.applyToClusterSettings(cluster -> cluster
                    .serverSelectionTimeout(1, java.util.concurrent.TimeUnit.SECONDS));
        }
    }
}
