package org.netzerocities.events.consumer;

/** A handler's verdict that an event can never be applied: it goes to the dead-letter topic at once. */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(String message) {
        super(message);
    }
}
