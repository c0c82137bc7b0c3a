package org.netzerocities.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.topics.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the service's own topics as the backbone creates the platform's: the platform's partition count and
 * replication, and never a change to an existing topic's partitions, which would move members to other partitions
 * and break their notifications' order and sequence numbers. Done before any listener starts, so that no consumer
 * makes the broker create a topic with its own defaults; when the broker does not answer at start-up, retried in
 * the background until it does.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTopicsProvisioning {

    private static final Logger log = LoggerFactory.getLogger(NotificationTopicsProvisioning.class);
    static final List<String> TOPICS = List.of(NotificationTopics.DELIVERIES, NotificationTopics.LIVE,
            NotificationTopics.EMAILS);

    private volatile boolean provisioned;

    @Bean
    SmartInitializingSingleton notificationTopics(KafkaAdmin kafkaAdmin, EventBackboneProperties properties) {
        return () -> {
            try {
                provision(kafkaAdmin, properties);
            }
            catch (TimeoutException ex) {
                log.warn("Kafka did not answer: the notification topics are provisioned in the background");
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Bean
    Periodic notificationTopicsRetry(KafkaAdmin kafkaAdmin, EventBackboneProperties properties,
            @Value("${nzc.notifications.topics-retry-interval:10s}") Duration interval) {
        return new Periodic("notification-topics", interval, () -> {
            if (!provisioned) {
                provision(kafkaAdmin, properties);
            }
        });
    }

    private void provision(KafkaAdmin kafkaAdmin, EventBackboneProperties properties)
            throws TimeoutException, InterruptedException {
        var topics = properties.getTopics();
        new TopicProvisioner(kafkaAdmin.getConfigurationProperties(), topics, topics.getStartupTimeout())
                .provision(TOPICS);
        provisioned = true;
    }
}
