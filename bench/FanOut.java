import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fan-out of one notification to many members: sends one draft per member to notification-service's deliveries
 * topic, as routing does for a city-wide event (one batch of sends, awaited together), and times until the writer
 * has stored all of them: the writer pushes each stored notification to the live topic after its bulk insert, so
 * the last of them read there marks the last inbox entry written.
 *
 * <p>Runs against a running platform, with the launcher's libraries on the class path:
 * {@code java -cp "deploy/launcher/target/lib/*" bench/FanOut.java --members 10000 [--bootstrap localhost:9092]}
 */
public class FanOut {

    public static void main(String[] args) throws Exception {
        String bootstrap = option(args, "--bootstrap", "localhost:9092");
        int members = Integer.parseInt(option(args, "--members", "10000"));
        String eventId = UUID.randomUUID().toString();

        try (var live = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-fan-out-" + eventId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
                var producer = new KafkaProducer<String, String>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            live.subscribe(List.of("nzc.notification.live.v1"));
            while (live.assignment().isEmpty()) {
                live.poll(Duration.ofMillis(100));
            }
            live.seekToEnd(live.assignment());
            live.assignment().forEach(live::position);

            long start = System.nanoTime();
            for (int i = 0; i < members; i++) {
                String memberId = "fan-" + eventId.substring(0, 8) + "-" + i;
                producer.send(new ProducerRecord<>("nzc.notification.deliveries.v1", memberId, """
                        {"id":"%s~%s","memberId":"%s","kind":"MENTION","params":{"threadTitle":"City-wide call"},\
                        "link":"/campaigns/calls/c-1","sourceEventId":"%s","occurredAt":"%s"}"""
                        .formatted(eventId, memberId, memberId, eventId, Instant.now())));
            }
            producer.flush();
            long sent = System.nanoTime();

            Set<String> stored = new HashSet<>();
            String marker = "\"fan-" + eventId.substring(0, 8) + "-";
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (stored.size() < members && System.nanoTime() < deadline) {
                live.poll(Duration.ofMillis(50)).forEach(record -> {
                    if (record.value().contains(marker)) {
                        stored.add(record.key());
                    }
                });
            }
            long done = System.nanoTime();
            System.out.printf("members=%d drafts sent and acknowledged in %d ms; all %d stored in %d ms%n", members,
                    (sent - start) / 1_000_000, stored.size(), (done - start) / 1_000_000);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
