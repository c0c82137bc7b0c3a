import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.netzerocities.notification.digest.DigestMail;
import org.netzerocities.notification.digest.DigestProperties;
import org.netzerocities.notification.digest.DigestRun;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import org.netzerocities.launcher.EmbeddedMongo;

import tools.jackson.databind.json.JsonMapper;

/**
 * The daily digest run of notification-service (issue 10) for many members, against the embedded MongoDB-wire
 * server as the launcher runs it ({@code EmbeddedMongo}: mongo-java-server on an H2 file, over TCP as the services
 * use it), durable (the default) and not, side by side: {@code --members} members with a
 * contact in one of ten time zones (every twentieth without one: UTC), each with {@code --per-member} notifications
 * pending for the digest (every third one already read), all members due at the run's time. Each of {@code --runs}
 * runs starts from the same state (everything pending, no digest yet) and times one {@code DigestRun.run}: the
 * reading, selecting and composing (one pass over the pending notifications, one over contacts and digest dates,
 * each digest written as JSON as it would go to the email topic) and, apart, handing over (here: serialising only,
 * no broker) and marking the notifications and the members' digest dates in bulk. Prints each run and the medians.
 * Runs with the notification-service classes, their dependencies and the launcher's on the class path
 * (bench/digest.sh). {@code --stores durable,non-durable} picks the stores.
 */
public class Digest {

    private static final List<String> ZONES = List.of("Europe/Paris", "Europe/Warsaw", "Europe/Madrid",
            "Europe/Rome", "Europe/Berlin", "Europe/London", "Europe/Lisbon", "Europe/Athens", "Europe/Helsinki",
            "America/New_York");
    /** 16:00 UTC: past 08:00 in every zone above. */
    private static final Instant NOW = Instant.parse("2026-11-25T16:00:00Z");

    public static void main(String[] args) throws Exception {
        int members = Integer.parseInt(option(args, "--members", "100000"));
        int perMember = Integer.parseInt(option(args, "--per-member", "3"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));

        List<String> results = new ArrayList<>();
        for (String store : option(args, "--stores", "durable,non-durable").split(",")) {
            results.add(measure(store, members, perMember, runs));
        }
        results.forEach(System.out::println);
    }

    private static String measure(String store, int members, int perMember, int runs) throws Exception {
        Path dir = Files.createTempDirectory("nzc-bench-digest");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedMongo server = new EmbeddedMongo(dir.resolve("nzc.mv"), port, store.equals("durable")).start();
                MongoClient client = MongoClients.create(server.uri())) {
            MongoTemplate mongo = new MongoTemplate(client, "nzc-notification");
            long loadStart = System.nanoTime();
            load(mongo, members, perMember);
            System.out.printf("%s store: loaded %,d members, %,d pending notifications in %d s%n", store, members,
                    (long) members * perMember, Duration.ofNanos(System.nanoTime() - loadStart).toSeconds());

            JsonMapper json = JsonMapper.builder().build();
            List<Long> totals = new ArrayList<>();
            List<Long> composing = new ArrayList<>();
            List<Long> handOvers = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                reset(mongo);
                AtomicLong bytes = new AtomicLong();
                DigestMail serialising = digests -> digests.forEach(
                        digest -> bytes.addAndGet(json.writeValueAsString(digest).length()));
                DigestRun digest = new DigestRun(mongo, new DigestProperties(Duration.ofMinutes(5),
                        LocalTime.of(8, 0), 100, 1000), serialising, Set::of);
                DigestRun.Outcome outcome = digest.run(NOW);
                long total = outcome.took().toMillis();
                long handOver = outcome.handOver().toMillis();
                totals.add(total);
                handOvers.add(handOver);
                composing.add(total - handOver);
                System.out.printf("%s store, run %d: %,d members due, %,d digests (%,d skipped), %,d notifications "
                        + "marked, %,d MB of JSON; total %,d ms = reading, selecting and composing %,d ms + marking "
                        + "%,d ms%n", store, run, outcome.members(), outcome.emails(), outcome.skipped(),
                        outcome.notifications(), bytes.get() / 1_000_000, total, total - handOver, handOver);
            }
            return String.format("%s store, median of %d runs (%,d members, %d notifications each): total %,d ms; "
                    + "reading, selecting and composing %,d ms; marking %,d ms", store, runs, members, perMember,
                    median(totals), median(composing), median(handOvers));
        }
        finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void load(MongoTemplate mongo, int members, int perMember) {
        MongoCollection<Document> contacts = mongo.getCollection("member_contacts");
        MongoCollection<Document> notifications = mongo.getCollection("notifications");
        List<Document> contactBatch = new ArrayList<>();
        List<Document> notificationBatch = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            String memberId = String.format("member-%07d", m);
            if (m % 20 != 0) {
                contactBatch.add(new Document("_id", memberId).append("email", memberId + "@example.org")
                        .append("language", "en").append("timeZone", ZONES.get(m % ZONES.size()))
                        .append("city", "city-" + (m % 50)));
            }
            for (int n = 0; n < perMember; n++) {
                Instant createdAt = NOW.minus(Duration.ofMinutes(30L * (n + 1) + m % 30));
                String id = "event-" + m + "-" + n + "~" + memberId;
                notificationBatch.add(new Document("_id", id).append("memberId", memberId).append("seq", (long) n)
                        .append("kind", "MENTION").append("category", "COMMUNITY").append("critical", false)
                        .append("title", "Ana mentioned you in \"Heat pumps for our street\"")
                        .append("body", "Ana Kowalska mentioned you in a reply in the thread \"Heat pumps for our "
                                + "street\" of the Zürich energy group.")
                        .append("link", "/community/threads/thread-" + m + "?post=post-" + n)
                        .append("params", Map.of("author", "Ana Kowalska", "thread", "Heat pumps for our street"))
                        .append("sourceEventId", "event-" + m + "-" + n).append("createdAt", Date.from(createdAt))
                        .append("readAt", n % 3 == 2 ? Date.from(NOW) : null).append("inApp", true)
                        .append("digest", "PENDING")
                        .append("expiresAt", Date.from(createdAt.plus(Duration.ofDays(180)))));
            }
            if (notificationBatch.size() >= 10_000) {
                notifications.insertMany(notificationBatch);
                notificationBatch.clear();
            }
            if (contactBatch.size() >= 10_000) {
                contacts.insertMany(contactBatch);
                contactBatch.clear();
            }
        }
        if (!notificationBatch.isEmpty()) {
            notifications.insertMany(notificationBatch);
        }
        if (!contactBatch.isEmpty()) {
            contacts.insertMany(contactBatch);
        }
    }

    /** Everything pending again and no digest sent yet, as before the day's first run. */
    private static void reset(MongoTemplate mongo) {
        mongo.getCollection("notifications").updateMany(Filters.ne("digest", "PENDING"),
                Updates.set("digest", "PENDING"));
        mongo.getCollection("digest_members").deleteMany(new Document());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
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
