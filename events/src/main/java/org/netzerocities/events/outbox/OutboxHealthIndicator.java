package org.netzerocities.events.outbox;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN when an event has waited longer than {@code max-pending-age} (the broker has been away that long,
 * or an aggregate keeps failing); parked events show in the details for an operator to re-drive.
 */
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;
    private final Duration maxPendingAge;

    public OutboxHealthIndicator(OutboxRelay relay, Duration maxPendingAge) {
        this.relay = relay;
        this.maxPendingAge = maxPendingAge;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Duration oldest = relay.oldestPendingAge();
        builder.status(oldest.compareTo(maxPendingAge) > 0 ? "DOWN" : "UP")
                .withDetail("backlog", relay.backlog())
                .withDetail("oldestPendingSeconds", oldest.toSeconds())
                .withDetail("parked", relay.parkedCount());
    }
}
