package org.netzerocities.testsupport;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import com.mongodb.ConnectionString;

/**
 * The broker and database a service test runs against: real ones, never mocks. By default the
 * embedded KRaft broker of spring-kafka-test and the in-memory MongoDB-wire server, one of each per
 * test JVM; with {@code -Dnzc.testcontainers=true} (Maven profile {@code testcontainers}) real
 * {@code apache/kafka} and {@code mongo} replica-set containers.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ PlatformInfrastructure.Embedded.class, PlatformInfrastructure.Containers.class })
public class PlatformInfrastructure {

    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "nzc.testcontainers", havingValue = "false", matchIfMissing = true)
    static class Embedded {

        @Bean
        KafkaConnectionDetails embeddedKafka() {
            List<String> servers = List.of(SharedInfrastructure.kafka().getBrokersAsString().split(","));
            return () -> servers;
        }

        @Bean
        MongoConnectionDetails embeddedMongo() {
            ConnectionString connection = new ConnectionString(SharedInfrastructure.mongoUri());
            return () -> connection;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "nzc.testcontainers", havingValue = "true")
    static class Containers {

        @Bean
        @ServiceConnection
        KafkaContainer kafkaContainer() {
            return new KafkaContainer("apache/kafka:4.1.2");
        }

        @Bean
        @ServiceConnection
        MongoDBContainer mongoContainer() {
            return new MongoDBContainer("mongo:8.0").withReplicaSet();
        }
    }
}
