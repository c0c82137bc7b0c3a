package org.netzerocities.launcher;

/** A part of the local stack could not be started or stopped; the message says what to do about it. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
