package org.netzerocities.events.outbox;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/outbox}: what waits and what was parked; {@code POST /actuator/outbox/{parkedId}}
 * re-drives a parked event once its cause is fixed.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private static final int LISTED = 100;

    private final OutboxRelay relay;

    public OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    @ReadOperation
    public Map<String, Object> status() {
        List<Map<String, Object>> parked = relay.parked(LISTED).stream().map(OutboxEndpoint::summary).toList();
        return Map.of("backlog", relay.backlog(), "oldestPendingSeconds", relay.oldestPendingAge().toSeconds(),
                "parkedCount", relay.parkedCount(), "parked", parked);
    }

    @WriteOperation
    public Map<String, Object> redrive(@Selector String parkedId) {
        boolean found = relay.redriveParked(parkedId);
        return Map.of("parkedId", parkedId, "redriven", found);
    }

    private static Map<String, Object> summary(Document parked) {
        Document entry = parked.get("entry", Document.class);
        return Map.of("id", String.valueOf(parked.get("_id")), "collection", String.valueOf(parked.get("collection")),
                "aggregateId", String.valueOf(parked.get("aggregateId")),
                "type", String.valueOf(entry == null ? null : entry.get("type")),
                "attempts", parked.get("attempts"), "reason", String.valueOf(parked.get("reason")),
                "parkedAt", String.valueOf(parked.get("parkedAt")));
    }
}
