import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where a mention's time goes between the post's commit and its live record, from the broker's timestamps of the
 * records it becomes: the relay (the event's {@code ce_time}, set in the commit's write → its record on the threads
 * topic), routing (that record → the notification's draft on the deliveries topic) and the writer (the draft → the
 * stored notification's record on the live topic). Reads from the end of the three topics for the given seconds,
 * while bench/NotificationLatency.java runs beside it, then prints the percentiles of each hop.
 *
 * <pre>java -cp "deploy/launcher/target/classes:deploy/launcher/target/lib/*" bench/NotificationHops.java BOOTSTRAP SECONDS</pre>
 */
public class NotificationHops {

    private static final String THREADS = "nzc.community.threads.v1";
    private static final String DELIVERIES = "nzc.notification.deliveries.v1";
    private static final String LIVE = "nzc.notification.live.v1";
    private static final Pattern SOURCE_EVENT = Pattern.compile("\"sourceEventId\":\"([^\"]*)\"");
    // a stored notification's id is its source event's id, then "~" and the member
    private static final Pattern NOTIFICATION_ID = Pattern.compile("\"id\":\"([^\"~]*)~");

    public static void main(String[] args) {
        Map<String, long[]> mentions = new HashMap<>();
        Map<String, Long> drafts = new HashMap<>();
        Map<String, Long> stored = new HashMap<>();
        Properties config = new Properties();
        config.put("bootstrap.servers", args[0]);
        config.put("group.id", "notification-hops-" + UUID.randomUUID());
        config.put("auto.offset.reset", "latest");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        long until = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(THREADS, DELIVERIES, LIVE));
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        continue;
                    }
                    switch (record.topic()) {
                        case THREADS -> {
                            String type = header(record, "ce_type");
                            if (type != null && type.contains("mentioned")) {
                                mentions.put(header(record, "ce_id"), new long[] {
                                        Instant.parse(header(record, "ce_time")).toEpochMilli(), record.timestamp() });
                            }
                        }
                        case DELIVERIES -> first(SOURCE_EVENT, record.value(), id -> drafts.put(id, record.timestamp()));
                        default -> first(NOTIFICATION_ID, record.value(), id -> stored.put(id, record.timestamp()));
                    }
                }
            }
        }
        List<Long> relay = new ArrayList<>();
        List<Long> routing = new ArrayList<>();
        List<Long> writer = new ArrayList<>();
        mentions.forEach((id, times) -> {
            relay.add(times[1] - times[0]);
            Long draft = drafts.get(id);
            Long live = stored.get(id);
            if (draft != null) {
                routing.add(draft - times[1]);
                if (live != null) {
                    writer.add(live - draft);
                }
            }
        });
        System.out.printf("mentions=%d relay: %s | routing: %s | writer: %s (ms)%n", mentions.size(),
                percentiles(relay), percentiles(routing), percentiles(writer));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }

    private static void first(Pattern pattern, String value, Consumer<String> found) {
        Matcher matcher = pattern.matcher(value);
        if (matcher.find()) {
            found.accept(matcher.group(1));
        }
    }

    private static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        Collections.sort(values);
        int n = values.size();
        return "p50=" + values.get(n / 2) + " p90=" + values.get(n * 9 / 10) + " p99=" + values.get(Math.min(n - 1,
                n * 99 / 100)) + " max=" + values.get(n - 1);
    }
}
