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
 * <p>Runs with the JDK alone against a running platform:
 * {@code java bench/NotificationLatency.java --rate 100 --count 300 [--recipients 10]
 * [--community http://localhost:8081] [--notifications http://localhost:8084]}
 */
public class NotificationLatency {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MEMBER_ID = Pattern.compile("\"member\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CREATED_AT = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern POST_LINK = Pattern.compile("\\?post=([0-9a-f-]+)");
    private static final Pattern ITEM = Pattern.compile("\\{[^{}]*\"link\"\\s*:\\s*\"[^\"]*\\?post=([0-9a-f-]+)\"[^{}]*}");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String community;
    private static String notifications;

    public static void main(String[] args) throws Exception {
        community = option(args, "--community", "http://localhost:8081");
        notifications = option(args, "--notifications", "http://localhost:8084");
        int rate = Integer.parseInt(option(args, "--rate", "100"));
        int count = Integer.parseInt(option(args, "--count", "300"));
        int recipients = Integer.parseInt(option(args, "--recipients", "10"));
        String run = UUID.randomUUID().toString().substring(0, 8);

        String admin = token(call("POST", "/api/community/auth/token",
                "{\"email\":\"admin@nzc.local\",\"password\":\"change-me-now\"}", null, 200));
        String organiserEmail = "bench-org-" + run + "@example.org";
        String organiserId = find(MEMBER_ID, register(organiserEmail, "Bench Organiser"));
        call("POST", "/api/community/members/" + organiserId + "/roles", "{\"role\":\"FRONTRUNNER\"}", admin, 200);
        String organiser = token(call("POST", "/api/community/auth/token",
                "{\"email\":\"" + organiserEmail + "\",\"password\":\"bench password\"}", null, 200));
        String group = find(ID, call("POST", "/api/community/groups", """
                {"kind":"TOPIC","topic":"energy","city":"antwerp","name":"Bench %s","visibility":"PUBLIC"}"""
                .formatted(run), organiser, 201));
        List<String> names = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            String name = "Bench Reader" + i + " " + run;
            tokens.add(token(register("bench-" + i + "-" + run + "@example.org", name)));
            names.add(name);
        }
        for (String token : tokens) {
            call("POST", "/api/community/groups/" + group + "/members", null, token, 201);
        }
        String thread = find(ID, call("POST", "/api/community/groups/" + group + "/threads",
                "{\"title\":\"Bench " + run + "\",\"body\":\"<p>start</p>\"}", organiser, 201));

        Map<String, Instant> received = new ConcurrentHashMap<>();
        List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
        for (String token : tokens) {
            streams.add(follow(token, received));
        }
        // the members' names reach the mention index through Kafka: wait until a mention of each one arrives
        for (int i = 0; i < recipients; i++) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String probe;
            do {
                probe = post(thread, organiser, names.get(i), "probe").postId;
                Thread.sleep(1_000);
            } while (!received.containsKey(probe) && System.nanoTime() < deadline);
            awaitKey(received, probe, Duration.ofSeconds(1));
        }

        List<CompletableFuture<Posted>> posts = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(16);
        long periodMicros = 1_000_000L / rate;
        for (int i = 0; i < count; i++) {
            int n = i;
            CompletableFuture<Posted> done = new CompletableFuture<>();
            posts.add(done);
            pacer.schedule(() -> {
                try {
                    done.complete(post(thread, organiser, names.get(n % recipients), "mention " + n));
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
                + " (ms, post committed -> notification stored / received on the stream)%n", rate, count,
                pct(inbox, 50), pct(inbox, 90), pct(inbox, 99), pct(inbox, 100), pct(live, 50), pct(live, 90),
                pct(live, 99), pct(live, 100));
    }

    private record Posted(String postId, Instant createdAt) {
    }

    private static Posted post(String thread, String organiser, String name, String text) throws Exception {
        String body = call("POST", "/api/community/threads/" + thread + "/posts",
                "{\"body\":\"@" + name + " " + text + "\"}", organiser, 201);
        return new Posted(find(ID, body), Instant.parse(find(CREATED_AT, body)));
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
                 "languages":["nl"],"interests":["energy"]}""".formatted(email, name), null, 201);
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
