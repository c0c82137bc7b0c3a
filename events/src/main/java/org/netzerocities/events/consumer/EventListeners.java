package org.netzerocities.events.consumer;

import java.util.List;

import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

/**
 * One Kafka listener per topic the service's handlers cover, all in the service's consumer group. Two
 * listeners on one topic in one group would split its partitions, and each would miss the other's events.
 */
public class EventListeners implements KafkaListenerConfigurer {

    /** Listener ids are {@code nzc-events-<topic>}, e.g. to pause one in the listener endpoint registry. */
    public static final String ID_PREFIX = "nzc-events-";

    private final EventDispatcher dispatcher;
    private final KafkaListenerContainerFactory<?> batchFactory;

    /** {@code batchFactory}: a batch listener container factory with the backbone's error handler. */
    public EventListeners(EventDispatcher dispatcher, KafkaListenerContainerFactory<?> batchFactory) {
        this.dispatcher = dispatcher;
        this.batchFactory = batchFactory;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        var methods = new DefaultMessageHandlerMethodFactory();
        methods.afterPropertiesSet();
        for (String topic : dispatcher.topics()) {
            var endpoint = new MethodKafkaListenerEndpoint<String, String>();
            endpoint.setId(ID_PREFIX + topic);
            endpoint.setTopics(topic);
            endpoint.setBean(dispatcher);
            endpoint.setMethod(dispatchMethod());
            endpoint.setMessageHandlerMethodFactory(methods);
            endpoint.setBatchListener(true);
            registrar.registerEndpoint(endpoint, batchFactory);
        }
    }

    private static java.lang.reflect.Method dispatchMethod() {
        try {
            return EventDispatcher.class.getMethod("dispatchAll", List.class);
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
