package org.netzerocities.events;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.inbox.IdempotentConsumer;
import org.netzerocities.events.inbox.ProcessedEvents;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.InvalidEventException;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The event backbone every service gets by depending on this module: topics created at start-up,
 * a loss-free producer, the outbox relay, idempotent consumption and dead-letter handling.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration" })
@EnableConfigurationProperties(EventBackboneProperties.class)
public class EventBackboneAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    EventFactory eventFactory(EventBackboneProperties properties, EventCodec codec, Clock clock,
            @Value("${spring.application.name:application}") String applicationName) {
        String source = properties.getSource() != null ? properties.getSource() : "/" + applicationName;
        return new EventFactory(source, codec, clock);
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(EventCodec codec, ProcessedEvents processedEvents) {
        return new IdempotentConsumer(codec, processedEvents);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(EventBackboneProperties properties) {
        return new KafkaAdmin.NewTopics(EventCatalog.topicsWithDeadLetters().stream()
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(properties.getTopics().getPartitions())
                        .replicas(properties.getTopics().getReplicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }

    /** Loss-free producer defaults; anything set under {@code spring.kafka.producer} wins. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer reliableProducerDefaults() {
        Map<String, Object> defaults = Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // fail fast while the broker is away: the event stays in the outbox and the relay retries
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return factory -> defaults.forEach((key, value) -> {
            if (!factory.getConfigurationProperties().containsKey(key)) {
                factory.updateConfigs(Map.of(key, value));
            }
        });
    }

    /** A consumer group seeing a topic for the first time reads it from the start. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer fromEarliestByDefault() {
        return factory -> {
            if (!factory.getConfigurationProperties().containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                factory.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            }
        };
    }

    /** Bounded retries with backoff, then the record goes to {@code <topic>.DLT} and the consumer moves on. */
    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, String> template,
            EventBackboneProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + EventCatalog.DEAD_LETTER_SUFFIX, -1));
        var consumer = properties.getConsumer();
        var backOff = new ExponentialBackOffWithMaxRetries(consumer.getMaxRetries());
        backOff.setInitialInterval(consumer.getInitialBackoff().toMillis());
        backOff.setMaxInterval(consumer.getMaxBackoff().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, EventCodec codec,
            EventBackboneProperties properties, ObjectProvider<MeterRegistry> meters) {
        var outbox = properties.getOutbox();
        var relay = new OutboxRelay(mongo, kafka, codec, outbox.getCollections(), outbox.getPollInterval(),
                outbox.getSendTimeout(), outbox.getBatchSize());
        Gauge.builder("nzc.outbox.backlog", relay, OutboxRelay::backlog)
                .description("Events stored with their aggregate but not yet sent to Kafka")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        return relay;
    }
}
