package org.netzerocities.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.kafka.InvalidEventException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

class FaultsTest {

    @Test
    void anUnreachableDatabaseIsTransientHoweverDeeplyWrapped() {
        var timeout = new MongoTimeoutException("Timed out while waiting for a server");
        var translated = new DataAccessResourceFailureException("Timed out", timeout);

        assertThat(Faults.isTransient(new ListenerExecutionFailedException("listener failed", translated))).isTrue();
        assertThat(Faults.isTransient(new MongoSocketOpenException("refused", new ServerAddress()))).isTrue();
    }

    @Test
    void concurrentUpdatesAndMissingPrerequisitesPassWithTime() {
        assertThat(Faults.isTransient(new OptimisticLockingFailureException("version moved"))).isTrue();
        assertThat(Faults.isTransient(new RetryLaterException("contact not here yet"))).isTrue();
    }

    @Test
    void unreadableRecordsRejectionsAndBugsAreDeterministic() {
        assertThat(Faults.isTransient(new InvalidEventException("not JSON"))).isFalse();
        assertThat(Faults.isTransient(new EventRejectedException("no such cohort"))).isFalse();
        assertThat(Faults.isTransient(new NullPointerException())).isFalse();
    }
}
