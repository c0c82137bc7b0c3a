package org.netzerocities.events.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.netzerocities.events.contract.CloudEventHeaders;
import org.netzerocities.events.outbox.PendingEvent;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads events as CloudEvents 1.0 in Kafka binary mode: attributes in {@code ce_*} headers,
 * the payload as the JSON record value, the aggregate id as the record key. Reading is lenient about
 * unknown payload fields so producers can add optional fields before consumers know them.
 */
public class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(Object payload) {
        return json.writeValueAsString(payload);
    }

    public ProducerRecord<String, String> toRecord(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.data());
        Headers headers = record.headers();
        put(headers, CloudEventHeaders.ID, event.eventId());
        put(headers, CloudEventHeaders.SOURCE, event.source());
        put(headers, CloudEventHeaders.TYPE, event.type());
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        put(headers, CloudEventHeaders.TIME, event.time().toString());
        put(headers, CloudEventHeaders.SUBJECT, event.key());
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    /**
     * Reads the envelope of a consumed record.
     *
     * @throws InvalidEventException when required CloudEvents attributes are missing or malformed
     */
    public IncomingEvent fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new InvalidEventException("Unsupported CloudEvents specversion " + specVersion);
        }
        String time = text(headers, CloudEventHeaders.TIME);
        try {
            return new IncomingEvent(required(headers, CloudEventHeaders.ID), required(headers, CloudEventHeaders.TYPE),
                    required(headers, CloudEventHeaders.SOURCE), text(headers, CloudEventHeaders.SUBJECT),
                    time == null ? null : Instant.parse(time), record.value(), this);
        }
        catch (DateTimeParseException ex) {
            throw new InvalidEventException("Malformed ce_time " + time);
        }
    }

    <T> T read(String data, Class<T> type) {
        if (data == null) {
            throw new InvalidEventException("Event has no body");
        }
        try {
            return json.readValue(data, type);
        }
        catch (JacksonException ex) {
            throw new InvalidEventException("Body is not a valid " + type.getSimpleName() + ": "
                    + ex.getOriginalMessage());
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("Missing CloudEvents header " + name);
        }
        return value;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
