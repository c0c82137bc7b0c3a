package org.netzerocities.events.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.netzerocities.events.contract.CloudEventHeaders;
import org.netzerocities.events.contract.EventSchemas;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.events.trace.TraceContext;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads events as CloudEvents 1.0 in Kafka binary mode: attributes in {@code ce_*} headers,
 * the payload as the JSON record value, the aggregate id as the record key. Reading is lenient about
 * unknown payload fields so producers can add optional fields before consumers know them.
 */
public class EventCodec {

    private final EventSchemas schemas = new EventSchemas();
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
        if (TraceContext.isValid(event.traceparent())) {
            put(headers, CloudEventHeaders.TRACEPARENT, event.traceparent());
            put(headers, CloudEventHeaders.W3C_TRACEPARENT, event.traceparent());
        }
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
                    time == null ? null : Instant.parse(time), text(headers, CloudEventHeaders.TRACEPARENT),
                    record.value(), this);
        }
        catch (DateTimeParseException ex) {
            throw new InvalidEventException("Malformed ce_time " + time);
        }
    }

    /**
     * The body as a payload of {@code type}, once it conforms to the type's JSON Schema.
     *
     * @throws InvalidEventException when the body is missing, is not JSON or violates the schema
     */
    public <T> T read(String data, EventType<T> type) {
        if (data == null) {
            throw new InvalidEventException("Event has no body");
        }
        List<String> violations;
        try {
            violations = schemas.violations(type, data);
        }
        catch (RuntimeException ex) {
            throw new InvalidEventException("Body is not JSON: " + ex.getMessage());
        }
        if (!violations.isEmpty()) {
            throw new InvalidEventException("Body violates the schema of " + type.type() + ": " + violations);
        }
        try {
            return json.readValue(data, type.payloadType());
        }
        catch (JacksonException ex) {
            throw new InvalidEventException("Body is not a valid " + type.payloadType().getSimpleName() + ": "
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
