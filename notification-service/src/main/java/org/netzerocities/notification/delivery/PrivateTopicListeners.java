package org.netzerocities.notification.delivery;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listeners of the service's own topics take whole batches (one database round trip per batch, not per
 * record). Their records are written by this service, so what fails is the database or the broker: the batch is
 * retried with back-off until it passes, never dead-lettered or skipped (the work is idempotent). Their offsets are
 * committed without waiting, which takes a broker round trip off each batch's path.
 */
@Configuration(proxyBeanMethods = false)
public class PrivateTopicListeners {

    /** The container factory of the listeners of {@link NotificationTopics}. */
    public static final String FACTORY = "privateTopicListenerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> privateTopicListenerFactory(
            ConsumerFactory<String, String> consumers,
            @Value("${nzc.notifications.listeners.max-retry-backoff:5s}") Duration maxBackoff) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        var untilItPasses = new ExponentialBackOff(100, 2.0);
        untilItPasses.setMaxInterval(maxBackoff.toMillis());
        factory.setCommonErrorHandler(new DefaultErrorHandler(untilItPasses));
        // no wait for the offset commit before the next poll: a record processed again after a crash is written
        // once and pushed to no stream twice (deterministic ids), and the live consumer's offsets serve nothing
        factory.getContainerProperties().setSyncCommits(false);
        return factory;
    }
}
