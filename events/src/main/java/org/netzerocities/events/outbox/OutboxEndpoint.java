package org.netzerocities.events.outbox;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

/**
 * {@code /actuator/outbox}: what waits and what was parked; {@code POST /actuator/outbox/{parkedId}}
 * re-drives a parked event once its cause is fixed.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private static final int LISTED = 100;
    private static final String PROBLEM_TYPES = "https://netzerocities.eu/problems/";
    private static final MimeType PROBLEM_JSON = MimeType.valueOf("application/problem+json");

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

    /** 200 once re-driven; 404 for an unknown id; 503 while the event still cannot be sent (it stays parked). */
    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> redrive(@Selector String parkedId) {
        try {
            if (!relay.redriveParked(parkedId)) {
                return problem(WebEndpointResponse.STATUS_NOT_FOUND, "not-found", "Not found",
                        "No parked event has this id");
            }
        }
        catch (IllegalStateException stillFailing) {
            return problem(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, "redrive-failed", "Service unavailable",
                    stillFailing.getMessage());
        }
        return new WebEndpointResponse<>(Map.of("parkedId", parkedId, "redriven", true));
    }

    private static WebEndpointResponse<Map<String, Object>> problem(int status, String type, String title,
            String detail) {
        return new WebEndpointResponse<>(Map.of("type", PROBLEM_TYPES + type, "title", title, "status", status,
                "detail", detail), status, PROBLEM_JSON);
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
