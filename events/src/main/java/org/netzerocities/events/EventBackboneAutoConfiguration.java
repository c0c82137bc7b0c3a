package org.netzerocities.events;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.netzerocities.events.consumer.DeliveryLog;
import org.netzerocities.events.consumer.EventDispatcher;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.consumer.EventListeners;
import org.netzerocities.events.consumer.EventRejectedException;
import org.netzerocities.events.consumer.Faults;
import org.netzerocities.events.consumer.ProcessedEvents;
import org.netzerocities.events.consumer.TombstoneHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.deadletter.DeadLetterDepth;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.InvalidEventException;
import org.netzerocities.events.outbox.BusinessCounter;
import org.netzerocities.events.outbox.BusinessMetrics;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxEndpoint;
import org.netzerocities.events.outbox.OutboxHealthIndicator;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.events.outbox.OutboxWakeUp;
import org.netzerocities.events.topics.TopicProvisioner;
import org.netzerocities.events.trace.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

/**
 * The event backbone every service gets by depending on this module: topics provisioned at start-up,
 * a loss-free producer, the outbox relay, one listener per consumed topic dispatching to the service's
 * {@link EventHandler}s, and fault handling that retries what passes with time and dead-letters only
 * what never will.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration" })
@EnableConfigurationProperties(EventBackboneProperties.class)
public class EventBackboneAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventBackboneAutoConfiguration.class);

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
            @Value("${spring.application.name:application}") String applicationName, ObjectProvider<Tracer> tracer) {
        String source = properties.getSource() != null ? properties.getSource() : "/" + applicationName;
        return new EventFactory(source, codec, clock, () -> {
            Tracer current = tracer.getIfAvailable();
            return current == null ? null : TraceContext.current(current);
        });
    }

    // --- topics

    /** Provisions topics before any listener starts; fails start-up on a partition mismatch. */
    @Bean
    SmartInitializingSingleton topicProvisioning(KafkaAdmin kafkaAdmin, EventBackboneProperties properties) {
        var topics = properties.getTopics();
        var provisioner = new TopicProvisioner(kafkaAdmin.getConfigurationProperties(), topics,
                topics.getStartupTimeout());
        return () -> {
            try {
                provisioner.provision(EventCatalog.topicsWithDeadLetters());
            }
            catch (TimeoutException | InterruptedException unreachable) {
                if (unreachable instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // writes still succeed and wait in the outbox; the topics are provisioned once the broker answers
                log.warn("Kafka did not answer within {}: topics are provisioned in the background",
                        topics.getStartupTimeout());
                provisionInBackground(provisioner);
            }
        };
    }

    private static void provisionInBackground(TopicProvisioner provisioner) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    provisioner.provision(EventCatalog.topicsWithDeadLetters());
                    log.info("Kafka topics provisioned");
                    return;
                }
                catch (TimeoutException retry) {
                    // still away
                }
                catch (InterruptedException ex) {
                    return;
                }
                catch (RuntimeException ex) {
                    log.error("Kafka topics cannot be provisioned: {}", ex.getMessage());
                    return;
                }
            }
        }, "topic-provisioning");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loss-free producer defaults; anything set under {@code spring.kafka.producer} wins. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer reliableProducerDefaults() {
        Map<String, Object> defaults = Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // the relay sends a batch at once and waits for it: nothing gained by lingering
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // fail fast while the broker is away: the event stays in the outbox and the relay retries
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return factory -> factory.updateConfigs(notSetIn(factory.getConfigurationProperties(), defaults));
    }

    /**
     * Unless configured otherwise: a consumer group seeing a topic for the first time reads it from the start; and
     * rebalances are cooperative. A service's listeners (one per topic) share its group, so with the default eager
     * protocol every rebalance (an instance or a listener joining, a broker coming back) stopped them all until the
     * slowest member rejoined; cooperative ones take only the partitions that move, and the rest consume on.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer backboneConsumerDefaults() {
        Map<String, Object> defaults = Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return factory -> factory.updateConfigs(notSetIn(factory.getConfigurationProperties(), defaults));
    }

    /** The defaults the configuration does not set already: what is set under {@code spring.kafka.*} wins. */
    private static Map<String, Object> notSetIn(Map<String, Object> configured, Map<String, Object> defaults) {
        Map<String, Object> missing = new HashMap<>(defaults);
        missing.keySet().removeAll(configured.keySet());
        return missing;
    }

    // --- consuming

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock, EventBackboneProperties properties) {
        ProcessedEvents processed = new ProcessedEvents(EphemeralWrites.of(mongo), clock,
                properties.getConsumer().getProcessedRetention());
        processed.createIndexes();
        return processed;
    }

    /** TTL indexes expire nothing on the embedded server; purging on every instance is harmless. */
    @Bean
    Periodic processedEventsPurge(ProcessedEvents processed, EventBackboneProperties properties) {
        return new Periodic("processed-events-purge", properties.getConsumer().getPurgeInterval(),
                processed::purgeExpired);
    }

    @Bean
    EventDispatcher eventDispatcher(ObjectProvider<EventHandler<?>> handlers,
            ObjectProvider<TombstoneHandler> tombstoneHandlers, EventCodec codec, ProcessedEvents processed,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        return new EventDispatcher(handlers.orderedStream().toList(), tombstoneHandlers.orderedStream().toList(),
                codec, processed, meters(meters), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** Boot's listener settings and the error handler below, for listeners that take a poll's records at once. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> eventBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        return factory;
    }

    @Bean
    EventListeners eventListeners(EventDispatcher dispatcher, @Qualifier("eventBatchListenerFactory")
            ConcurrentKafkaListenerContainerFactory<Object, Object> eventBatchListenerFactory) {
        return new EventListeners(dispatcher, eventBatchListenerFactory);
    }

    @Bean
    DeliveryLog deliveryLog(MongoTemplate mongo, Clock clock) {
        return new DeliveryLog(mongo, clock, Duration.ofMinutes(5));
    }

    /**
     * Transient failures are retried with back-off until they pass, so a database outage dead-letters
     * nothing; deterministic ones get bounded retries (none for unreadable records and rejections), then go
     * to {@code <topic>.DLT}. Internal topics have no dead-letter copy: their poison records are logged
     * without content and counted.
     */
    @Bean
    DefaultErrorHandler eventErrorHandler(KafkaTemplate<String, String> template, EventBackboneProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        var deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + EventCatalog.DEAD_LETTER_SUFFIX, -1));
        MeterRegistry registry = meters(meters);
        var consumer = properties.getConsumer();
        var bounded = new ExponentialBackOffWithMaxRetries(consumer.getMaxRetries());
        bounded.setInitialInterval(consumer.getInitialBackoff().toMillis());
        bounded.setMaxInterval(consumer.getMaxBackoff().toMillis());
        var untilItPasses = new ExponentialBackOff(consumer.getInitialBackoff().toMillis(), 2.0);
        untilItPasses.setMaxInterval(consumer.getMaxTransientBackoff().toMillis());
        var handler = new DefaultErrorHandler((record, ex) -> {
            if (EventCatalog.isInternal(record.topic())) {
                log.error("Dropped unprocessable record {}-{}@{} of internal topic: {}", record.topic(),
                        record.partition(), record.offset(), ex.getClass().getSimpleName());
                Counter.builder("nzc.events.dropped").tag("topic", record.topic()).register(registry).increment();
                return;
            }
            // one line per poison record, so that a dead letter is never silent (the record stays in the .DLT)
            log.warn("Dead-lettered record {}-{}@{} to {}{}: {}", record.topic(), record.partition(), record.offset(),
                    record.topic(), EventCatalog.DEAD_LETTER_SUFFIX, rootCause(ex));
            deadLetters.accept(record, failureOfTheRecord(ex));
        }, bounded);
        handler.setBackOffFunction((record, ex) -> Faults.isTransient(ex) ? untilItPasses : null);
        handler.addNotRetryableExceptions(InvalidEventException.class, EventRejectedException.class);
        return handler;
    }

    /**
     * The listeners take a poll's records at once, and name the failed record with a
     * {@link BatchListenerFailedException} around what went wrong: the dead letter's headers name that failure,
     * as for a record listener, not the batch's wrapper.
     */
    private static Exception failureOfTheRecord(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BatchListenerFailedException batchFailure && batchFailure.getCause() != null) {
                return new ListenerExecutionFailedException("Listener failed", batchFailure.getCause());
            }
        }
        return failure;
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + (message.length() > 300 ? message.substring(0, 300) : message);
    }

    @Bean
    Periodic deadLetterDepthRefresh(KafkaAdmin kafkaAdmin, EventDispatcher dispatcher,
            EventBackboneProperties properties, ObjectProvider<MeterRegistry> meters) {
        var depth = new DeadLetterDepth(kafkaAdmin.getConfigurationProperties(), dispatcher.topics(),
                meters(meters));
        return new Periodic("dead-letter-depth", properties.getConsumer().getDeadLetterCheckInterval(),
                () -> {
                    if (depth.watchesAnything()) {
                        depth.refresh();
                    }
                });
    }

    // --- publishing

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, EventCodec codec,
            EventBackboneProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations, ObjectProvider<BusinessCounter<?>> businessCounters) {
        var relay = new OutboxRelay(mongo, kafka, codec, properties.getOutbox(), clock);
        MeterRegistry registry = meters(meters);
        relay.observe(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        relay.onSent(new BusinessMetrics(businessCounters.orderedStream().toList(), codec, registry));
        Gauge.builder("nzc.outbox.backlog", relay, OutboxRelay::backlog)
                .description("Events stored with their aggregate but not yet sent to Kafka")
                .register(registry);
        Gauge.builder("nzc.outbox.oldest.pending.age", relay, r -> r.oldestPendingAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("How long the oldest unsent event has waited")
                .register(registry);
        Gauge.builder("nzc.outbox.parked", relay, OutboxRelay::parkedCount)
                .description("Events the relay parked after failing to send them; re-drive at /actuator/outbox")
                .register(registry);
        return relay;
    }

    @Bean
    OutboxWakeUp outboxWakeUp(OutboxRelay relay) {
        return new OutboxWakeUp(relay);
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(OutboxRelay relay, EventBackboneProperties properties) {
        return new OutboxHealthIndicator(relay, properties.getOutbox().getMaxPendingAge());
    }

    @Bean
    OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
        return new OutboxEndpoint(relay);
    }

    private static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(SimpleMeterRegistry::new);
    }
}
