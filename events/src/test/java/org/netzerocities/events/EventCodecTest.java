package org.netzerocities.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.InvalidEventException;
import org.netzerocities.events.outbox.PendingEvent;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final MemberJoined joined = new MemberJoined("m-1", "Ana", "cluj-napoca",
            List.of("ro"), List.of(), "Europe/Bucharest", null, null, false, Instant.parse("2026-11-28T10:15:30Z"));

    @Test
    void writesCloudEventsBinaryModeRecordKeyedByAggregate() {
        PendingEvent event = new PendingEvent("e-1", EventCatalog.MEMBER_JOINED.type(), EventCatalog.COMMUNITY_MEMBERS_TOPIC,
                "m-1", "/community-service", Instant.parse("2026-11-28T10:15:31Z"), codec.write(joined));

        ProducerRecord<String, String> record = codec.toRecord(event);

        assertThat(record.topic()).isEqualTo("nzc.community.members.v1");
        assertThat(record.key()).isEqualTo("m-1");
        assertThat(header(record, "ce_id")).isEqualTo("e-1");
        assertThat(header(record, "ce_type")).isEqualTo("org.netzerocities.community.member.joined.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/community-service");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-28T10:15:31Z");
        assertThat(header(record, "ce_subject")).isEqualTo("m-1");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.value()).contains("\"joinedAt\":\"2026-11-28T10:15:30Z\"");
    }

    @Test
    void readsBackWhatItWroteAndIgnoresFieldsItDoesNotKnow() {
        PendingEvent event = new PendingEvent("e-1", EventCatalog.MEMBER_JOINED.type(), EventCatalog.COMMUNITY_MEMBERS_TOPIC,
                "m-1", "/community-service", Instant.now(), codec.write(joined).replace("{", "{\"addedLater\":1,"));
        ProducerRecord<String, String> sent = codec.toRecord(event);
        var consumed = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(h -> consumed.headers().add(h));

        var incoming = codec.fromRecord(consumed);

        assertThat(incoming.id()).isEqualTo("e-1");
        assertThat(incoming.type()).isEqualTo(EventCatalog.MEMBER_JOINED.type());
        assertThat(incoming.payload(EventCatalog.MEMBER_JOINED)).isEqualTo(joined);
    }

    @Test
    void recordWithoutCloudEventsHeadersIsInvalid() {
        var record = new ConsumerRecord<>("nzc.community.members.v1", 0, 0L, "k", "{}");

        assertThatThrownBy(() -> codec.fromRecord(record)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void bodyThatIsNotJsonIsInvalid() {
        var record = new ConsumerRecord<>("nzc.community.members.v1", 0, 0L, "k", "not json");
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", "e-2".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", EventCatalog.MEMBER_JOINED.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/x".getBytes(StandardCharsets.UTF_8));

        var incoming = codec.fromRecord(record);

        assertThatThrownBy(() -> incoming.payload(EventCatalog.MEMBER_JOINED)).isInstanceOf(InvalidEventException.class);
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
