package org.netzerocities.notification.email;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes the email requests, in one consumer group for all instances, so each request is taken by one instance.
 * A request that cannot be sent yet waits in {@link EmailRetries}, not on the topic, so it holds up no other
 * member's email; a database failure is thrown and retried by the container's error handler until it passes.
 */
class EmailRequestListener {

    static final String GROUP = "notification-service-email";
    private static final Logger log = LoggerFactory.getLogger(EmailRequestListener.class);

    private final EmailRetries emails;
    private final JsonMapper json;
    private final MeterRegistry meters;

    EmailRequestListener(EmailRetries emails, JsonMapper json, MeterRegistry meters) {
        this.emails = emails;
        this.json = json;
        this.meters = meters;
    }

    /** Consumers per instance: each takes some of the topic's partitions, so one member's emails stay in order. */
    @KafkaListener(id = GROUP, topics = NotificationTopics.EMAILS, groupId = GROUP,
            concurrency = "${nzc.notifications.email.consumers:3}")
    void onEmailRequest(ConsumerRecord<String, String> record) {
        EmailRequest request;
        try {
            request = json.readValue(record.value(), EmailRequest.class);
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            meters.counter("nzc.notifications.emails.unreadable").increment();
            log.error("Unreadable email request {}-{}@{} skipped: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.getClass().getSimpleName());
            return;
        }
        if (request.id() == null || request.memberId() == null || request.kind() == null) {
            meters.counter("nzc.notifications.emails.unreadable").increment();
            log.error("Incomplete email request {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        emails.send(request);
    }
}
