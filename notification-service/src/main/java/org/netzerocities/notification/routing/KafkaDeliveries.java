package org.netzerocities.notification.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Produces drafts to {@link NotificationTopics#DELIVERIES} keyed by member id (the application's JSON of the record).
 * All records of a batch are handed to the producer before waiting for any acknowledgement, so a city-wide fan-out
 * travels in the producer's batches instead of one round trip per member. A failure is thrown: the event handler
 * then fails and its event is retried, and the drafts' deterministic ids make the second attempt harmless.
 */
@Component
class KafkaDeliveries implements Deliveries {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Duration sendTimeout;

    KafkaDeliveries(KafkaTemplate<String, String> kafka, JsonMapper json,
            @Value("${nzc.notifications.deliveries.send-timeout:30s}") Duration sendTimeout) {
        this.kafka = kafka;
        this.json = json;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void send(List<NotificationDraft> drafts) {
        List<CompletableFuture<?>> acks = new ArrayList<>(drafts.size());
        for (NotificationDraft draft : drafts) {
            acks.add(kafka.send(new ProducerRecord<>(NotificationTopics.DELIVERIES, draft.memberId(),
                    json.writeValueAsString(draft))));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + drafts.size() + " drafts", interrupted);
        }
        catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("The broker did not acknowledge " + drafts.size() + " drafts", failed);
        }
    }
}
