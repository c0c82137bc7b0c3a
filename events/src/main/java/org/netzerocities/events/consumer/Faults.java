package org.netzerocities.events.consumer;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells failures that pass with time (a database or broker unreachable, a timeout, a concurrent update,
 * a prerequisite still on its way) from those that repeat on every try. The first are retried until they
 * pass; only the second may end in a dead-letter topic.
 */
public final class Faults {

    private Faults() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable ex) {
        return ex instanceof RetryLaterException
                || ex instanceof TransientDataAccessException // includes optimistic-locking conflicts
                || ex instanceof DataAccessResourceFailureException
                || ex instanceof MongoSocketException
                || ex instanceof MongoTimeoutException
                || ex instanceof MongoExecutionTimeoutException
                || ex instanceof MongoNotPrimaryException
                || ex instanceof MongoNodeIsRecoveringException
                || ex instanceof MongoException mongo && mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                || ex instanceof RetriableException
                || ex instanceof TimeoutException
                || ex instanceof IOException;
    }
}
