package org.netzerocities.events.consumer;

/**
 * Something the handler needs has not arrived yet (Kafka orders nothing across topics): the event is
 * retried with back-off until it can be applied, never dead-lettered. Prefer keeping what can be kept
 * and completing the rest when the missing piece arrives; use this when nothing can be kept.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }
}
