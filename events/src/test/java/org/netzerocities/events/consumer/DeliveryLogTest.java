package org.netzerocities.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.support.InMemoryMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Calls outside the database: at most once, and a crash midway is visible rather than repeated. */
class DeliveryLogTest {

    private final MongoTemplate mongo = InMemoryMongo.freshDatabase();
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aDeliveryIsMadeOnceHoweverOftenItIsRequested() {
        DeliveryLog log = log(Instant.now());

        assertThat(log.deliverOnce("welcome-email/m-1", "email", this::send)).isEqualTo(DeliveryLog.Outcome.SENT);
        assertThat(log.deliverOnce("welcome-email/m-1", "email", this::send))
                .isEqualTo(DeliveryLog.Outcome.ALREADY_SENT);

        assertThat(calls).hasValue(1);
        assertThat(log.state("welcome-email/m-1")).isEqualTo(DeliveryLog.State.SENT);
    }

    @Test
    void aCrashBetweenRecordingAndSendingLeavesUnknownNotASecondSend() {
        Instant crash = Instant.parse("2026-11-28T10:00:00Z");
        DeliveryLog beforeCrash = log(crash);
        assertThatThrownBy(() -> beforeCrash.deliverOnce("d-1", "email", () -> {
            throw new Error("process killed");
        })).isInstanceOf(Error.class);
        assertThat(beforeCrash.state("d-1")).isEqualTo(DeliveryLog.State.PENDING);

        DeliveryLog soonAfter = log(crash.plusSeconds(10));
        assertThat(soonAfter.deliverOnce("d-1", "email", this::send)).isEqualTo(DeliveryLog.Outcome.IN_PROGRESS);

        DeliveryLog later = log(crash.plus(Duration.ofMinutes(10)));
        assertThat(later.deliverOnce("d-1", "email", this::send)).isEqualTo(DeliveryLog.Outcome.UNKNOWN);
        assertThat(later.state("d-1")).isEqualTo(DeliveryLog.State.UNKNOWN);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aFailedCallIsRecordedAndMayBeRetried() {
        DeliveryLog log = log(Instant.now());
        assertThatThrownBy(() -> log.deliverOnce("d-2", "email", () -> {
            throw new IllegalStateException("SMTP refused");
        })).hasMessage("SMTP refused");
        assertThat(log.state("d-2")).isEqualTo(DeliveryLog.State.FAILED);

        assertThat(log.deliverOnce("d-2", "email", this::send)).isEqualTo(DeliveryLog.Outcome.SENT);
        assertThat(calls).hasValue(1);
    }

    private String send() {
        return "message-" + calls.incrementAndGet();
    }

    private DeliveryLog log(Instant now) {
        return new DeliveryLog(mongo, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5));
    }
}
