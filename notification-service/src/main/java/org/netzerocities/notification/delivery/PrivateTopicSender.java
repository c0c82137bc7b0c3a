package org.netzerocities.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends JSON values to the service's own topics with the platform's loss-free producer (acks from all in-sync
 * replicas, idempotent). All records are handed to the producer first and awaited together, so a batch of 10,000
 * travels in the producer's batches, not in 10,000 round trips.
 */
@Component
public class PrivateTopicSender {

    /** A value and the key that picks its partition (the member id). */
    public record Keyed(String key, Object value) {
    }

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Duration timeout;

    PrivateTopicSender(KafkaTemplate<String, String> kafka, JsonMapper json,
            @Value("${nzc.notifications.send-timeout:30s}") Duration timeout) {
        this.kafka = kafka;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Returns once the broker acknowledged every record.
     *
     * @throws IllegalStateException when it did not, in time; the caller's work is retried, and what was sent
     *                               already is recognised by its deterministic id
     */
    public void send(String topic, List<Keyed> records) {
        send(Map.of(topic, records));
    }

    /** {@link #send(String, List)} to several topics, in the map's order, all awaited together. */
    public void send(Map<String, List<Keyed>> recordsByTopic) {
        await(sendAsync(recordsByTopic));
    }

    /**
     * Hands the records to the producer, in the map's order, and returns what completes once the broker has
     * acknowledged all of them (or fails with the first that was not).
     */
    public Sent sendAsync(Map<String, List<Keyed>> recordsByTopic) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        recordsByTopic.forEach((topic, records) -> records.forEach(record -> sends.add(
                kafka.send(topic, record.key(), json.writeValueAsString(record.value())))));
        return new Sent(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)), sends.size());
    }

    /** Records handed to the producer: {@code acknowledged} completes when the broker has them all. */
    public record Sent(CompletableFuture<Void> acknowledged, int count) {
    }

    /**
     * Returns once the broker acknowledged every record of {@code sent}.
     *
     * @throws IllegalStateException when it did not, in time
     */
    public void await(Sent sent) {
        try {
            sent.acknowledged().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + sent.count() + " records", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("The broker did not acknowledge all of " + sent.count() + " records", ex);
        }
    }
}
