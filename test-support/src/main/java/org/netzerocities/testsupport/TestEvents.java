package org.netzerocities.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.kafka.core.KafkaTemplate;

/** Events as the producing service would publish them, for consumers' tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static <T> PendingEvent event(EventCodec codec, EventType<T> type, String key, T payload) {
        return new PendingEvent(UUID.randomUUID().toString(), type.type(), type.topic(), key, "/test", Instant.now(),
                codec.write(payload));
    }

    public static PendingEvent memberJoined(EventCodec codec, String memberId, String city, List<String> languages) {
        return event(codec, EventCatalog.MEMBER_JOINED, memberId, new MemberJoined(memberId,
                "Member " + memberId.substring(0, 4), city, languages, List.of("energy"), "Europe/Brussels", null, null,
                true, Instant.now()));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public static void publish(KafkaTemplate<String, String> kafka, EventCodec codec, PendingEvent event) {
        kafka.send(codec.toRecord(event)).join();
    }
}
