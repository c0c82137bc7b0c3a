package org.netzerocities.events.consumer;

import java.util.function.BiConsumer;

import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.kafka.IncomingEvent;

/**
 * Reacts to one event type. A service declares its handlers as beans; the backbone gives each topic
 * they cover one listener that dispatches on the CloudEvents type, so adding a type to a service is a
 * schema, a record and a handler.
 *
 * <p>A handler must be idempotent in its effect: a record can be redelivered, even to two consumers at
 * once during a rebalance. Record the event id in the same single-document update as the effect
 * ({@link AppliedEvents}), derive new documents' ids from the event id, or for effects outside the
 * database go through a {@link DeliveryLog}. Throw {@link EventRejectedException} for an event that can
 * never be applied and {@link RetryLaterException} when something it depends on has not arrived yet.
 */
public interface EventHandler<T> {

    EventType<T> type();

    void handle(T payload, IncomingEvent event);

    /**
     * True when handling the same event twice has no second effect by the handler's own design (every effect
     * keyed by the event id, and no harm in doing the work again): the dispatcher then neither looks up nor writes
     * the event's processed mark for a type whose handlers all say so, two database round trips less on each
     * event's path. False by default.
     */
    default boolean idempotentByItself() {
        return false;
    }

    /** A handler from a method reference or lambda: {@code EventHandler.on(MEMBER_JOINED, this::welcome)}. */
    static <T> EventHandler<T> on(EventType<T> type, BiConsumer<T, IncomingEvent> handler) {
        return of(type, handler, false);
    }

    /** {@link #on}, for a handler that is {@linkplain #idempotentByItself() idempotent by itself}. */
    static <T> EventHandler<T> idempotent(EventType<T> type, BiConsumer<T, IncomingEvent> handler) {
        return of(type, handler, true);
    }

    private static <T> EventHandler<T> of(EventType<T> type, BiConsumer<T, IncomingEvent> handler,
            boolean idempotentByItself) {
        return new EventHandler<>() {

            @Override
            public EventType<T> type() {
                return type;
            }

            @Override
            public void handle(T payload, IncomingEvent event) {
                handler.accept(payload, event);
            }

            @Override
            public boolean idempotentByItself() {
                return idempotentByItself;
            }

            @Override
            public String toString() {
                return "handler of " + type.type();
            }
        };
    }
}
