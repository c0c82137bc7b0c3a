import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Commit -> inbox and commit -> live stream latency of a notification, from timestamps. A frontrunner's posts in a
 * thread each mention one of the recipients, at a fixed rate, directly at community-service; each post is stored
 * with its MemberMentioned event in one write (the commit, the post's createdAt). The recipients follow their live
 * streams at notification-service; each mention's arrival there is timed when it is read. After the run, each
 * recipient's inbox gives the createdAt of each mention (set by the writer just before its bulk insert). Prints
 * p50/p90/p99/max in milliseconds for both.
 *
 * <p>With {@code --bootstrap}, the MemberMentioned events are published straight to the broker instead (as the
 * outbox relay publishes them): the commit is then the broker's acknowledgement of the event, and the figures are
 * notification-service's part alone (consumer, routing, deliveries topic, writer, live topic, stream).
 *
 * <p>Runs against a running platform, with the launcher's libraries on the class path (for Kafka's client):
 * {@code java -cp "deploy/launcher/target/lib/*" bench/NotificationLatency.java --rate 100 --count 300
 * [--recipients 10] [--bootstrap localhost:9092] [--community http://localhost:8081]
 * [--notifications http://localhost:8084]}
 */
public class NotificationLatency {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MEMBER_ID = Pattern.compile("\"member\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CREATED_AT = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern POST_LINK = Pattern.compile("\\?post=([^\"&]+)");
    private static final Pattern ITEM = Pattern.compile("\\{[^{}]*\"link\"\\s*:\\s*\"[^\"]*\\?post=([^\"&]+)\"[^{}]*}");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String community;
    private static String notifications;

    public static void main(String[] args) throws Exception {
        community = option(args, "--community", "http://localhost:8081");
        notifications = option(args, "--notifications", "http://localhost:8084");
        int rate = Integer.parseInt(option(args, "--rate", "100"));
        int count = Integer.parseInt(option(args, "--count", "300"));
        int recipients = Integer.parseInt(option(args, "--recipients", "10"));
        String bootstrap = option(args, "--bootstrap", null);
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<String> names = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> memberIds = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            String name = "Bench Reader" + i + " " + run;
            String registered = register("bench-" + i + "-" + run + "@example.org", name);
            tokens.add(token(registered));
            memberIds.add(find(MEMBER_ID, registered));
            names.add(name);
        }
        Map<String, Instant> received = new ConcurrentHashMap<>();
        List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
        for (String token : tokens) {
            streams.add(follow(token, received));
        }
        Mentions mentions = bootstrap != null ? new PublishedMentions(bootstrap, run, memberIds)
                : PostedMentions.start(run, tokens, names, received);

        List<CompletableFuture<Posted>> posts = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(16);
        long periodMicros = 1_000_000L / rate;
        for (int i = 0; i < count; i++) {
            int n = i;
            CompletableFuture<Posted> done = new CompletableFuture<>();
            posts.add(done);
            pacer.schedule(() -> {
                try {
                    done.complete(mentions.mention(n % recipients, n));
                }
                catch (Exception ex) {
                    done.completeExceptionally(ex);
                }
            }, n * periodMicros, TimeUnit.MICROSECONDS);
        }
        List<Posted> posted = new ArrayList<>();
        for (CompletableFuture<Posted> post : posts) {
            posted.add(post.get(120, TimeUnit.SECONDS));
        }
        pacer.shutdown();
        for (Posted post : posted) {
            awaitKey(received, post.postId, Duration.ofSeconds(60));
        }
        streams.forEach(stream -> stream.body().close());
        mentions.close();

        Map<String, Instant> stored = new ConcurrentHashMap<>();
        for (String token : tokens) {
            String inbox = call("GET", "/api/notifications?size=100", null, token, 200, notifications);
            Matcher item = ITEM.matcher(inbox);
            while (item.find()) {
                stored.put(item.group(1), Instant.parse(find(CREATED_AT, item.group())));
            }
        }
        List<Long> live = new ArrayList<>();
        List<Long> inbox = new ArrayList<>();
        for (Posted post : posted) {
            live.add(Duration.between(post.createdAt, received.get(post.postId)).toMillis());
            inbox.add(Duration.between(post.createdAt, stored.get(post.postId)).toMillis());
        }
        System.out.printf("rate=%d/s count=%d inbox_p50=%d inbox_p90=%d inbox_p99=%d inbox_max=%d live_p50=%d live_p90=%d"
                + " live_p99=%d live_max=%d"
                + " (ms, %s -> notification stored / received on the stream)%n", rate, count,
                pct(inbox, 50), pct(inbox, 90), pct(inbox, 99), pct(inbox, 100), pct(live, 50), pct(live, 90),
                pct(live, 99), pct(live, 100), bootstrap != null ? "event acknowledged by the broker" : "post committed");
    }

    private record Posted(String postId, Instant createdAt) {
    }

    /** Makes recipient {@code recipient} mentioned; the mention's post id and commit time. */
    private interface Mentions extends AutoCloseable {

        Posted mention(int recipient, int n) throws Exception;

        @Override
        default void close() {
        }
    }

    /** A frontrunner's posts in a thread, each mentioning one recipient by name, at community-service. */
    private record PostedMentions(String thread, String organiser, List<String> names) implements Mentions {

        static PostedMentions start(String run, List<String> tokens, List<String> names, Map<String, Instant> received)
                throws Exception {
            String admin = token(call("POST", "/api/community/auth/token",
                    "{\"email\":\"admin@nzc.local\",\"password\":\"change-me-now\"}", null, 200));
            String organiserEmail = "bench-org-" + run + "@example.org";
            String organiserId = find(MEMBER_ID, register(organiserEmail, "Bench Organiser"));
            call("POST", "/api/community/members/" + organiserId + "/roles", "{\"role\":\"FRONTRUNNER\"}", admin,
                    200);
            String organiser = token(call("POST", "/api/community/auth/token",
                    "{\"email\":\"" + organiserEmail + "\",\"password\":\"bench password\"}", null, 200));
            String group = find(ID, call("POST", "/api/community/groups", """
                    {"kind":"TOPIC","topic":"energy","city":"antwerp","name":"Bench %s","visibility":"PUBLIC"}"""
                    .formatted(run), organiser, 201));
            for (String token : tokens) {
                call("POST", "/api/community/groups/" + group + "/members", null, token, 201);
            }
            String thread = find(ID, call("POST", "/api/community/groups/" + group + "/threads",
                    "{\"title\":\"Bench " + run + "\",\"body\":\"<p>start</p>\"}", organiser, 201));
            PostedMentions mentions = new PostedMentions(thread, organiser, names);
            // the members' names reach the mention index through Kafka: mention each one until it arrives
            for (int i = 0; i < names.size(); i++) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                String probe;
                do {
                    probe = mentions.mention(i, -1).postId;
                    Thread.sleep(1_000);
                } while (!received.containsKey(probe) && System.nanoTime() < deadline);
                awaitKey(received, probe, Duration.ofSeconds(1));
            }
            return mentions;
        }

        @Override
        public Posted mention(int recipient, int n) throws Exception {
            String body = call("POST", "/api/community/threads/" + thread + "/posts",
                    "{\"body\":\"@" + names.get(recipient) + " mention " + n + "\"}", organiser, 201);
            return new Posted(find(ID, body), Instant.parse(find(CREATED_AT, body)));
        }
    }

    /** MemberMentioned events published to the threads topic as the outbox relay publishes them. */
    private static final class PublishedMentions implements Mentions {

        private final org.apache.kafka.clients.producer.KafkaProducer<String, String> producer;
        private final String run;
        private final List<String> memberIds;

        PublishedMentions(String bootstrap, String run, List<String> memberIds) {
            this.producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.of(
                    "bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true", "linger.ms", "0",
                    "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                    "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));
            this.run = run;
            this.memberIds = memberIds;
        }

        @Override
        public Posted mention(int recipient, int n) throws Exception {
            String postId = "bench-thread-" + run + "." + n;
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>(
                    "nzc.community.threads.v1", "bench-thread-" + run, """
                    {"postId":"%s","threadId":"bench-thread-%s","threadTitle":"Bench","groupId":"bench-group",\
                    "authorId":"bench-author","mentionedMemberId":"%s"}""".formatted(postId, run,
                    memberIds.get(recipient)));
            var headers = record.headers();
            java.util.function.BiConsumer<String, String> header = (name, value) -> headers.add(name,
                    value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            header.accept("ce_id", UUID.randomUUID().toString());
            header.accept("ce_source", "/bench");
            header.accept("ce_type", "org.netzerocities.community.thread.member-mentioned.v1");
            header.accept("ce_specversion", "1.0");
            header.accept("ce_time", Instant.now().toString());
            header.accept("ce_subject", "bench-thread-" + run);
            header.accept("content-type", "application/json");
            producer.send(record).get();
            return new Posted(postId, Instant.now());
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /** Opens the member's live stream and records when each mention (by its post id) is read from it. */
    private static HttpResponse<Stream<String>> follow(String token, Map<String, Instant> received)
            throws IOException, InterruptedException {
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                URI.create(notifications + "/api/notifications/stream")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + stream.statusCode());
        }
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(line -> {
                    Matcher link = POST_LINK.matcher(line);
                    if (line.startsWith("data:") && link.find()) {
                        received.putIfAbsent(link.group(1), Instant.now());
                    }
                });
            }
            catch (RuntimeException closed) {
                // the run is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    private static void awaitKey(Map<String, Instant> received, String key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!received.containsKey(key)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("post " + key + " never reached the stream");
            }
            Thread.sleep(5);
        }
    }

    private static String register(String email, String name) throws Exception {
        return call("POST", "/api/community/members", """
                {"email":"%s","password":"bench password","displayName":"%s","city":"antwerp",
                 "languages":["nl"],"interests":["energy"],"termsVersion":1,"minimumAgeConfirmed":true}"""
                .formatted(email, name), null, 201);
    }

    private static String call(String method, String path, String body, String token, int expected) throws Exception {
        return call(method, path, body, token, expected, community);
    }

    private static String call(String method, String path, String body, String token, int expected, String base)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String token(String body) {
        return find(TOKEN, body);
    }

    private static long pct(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not in " + text);
        }
        return matcher.group(1);
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
