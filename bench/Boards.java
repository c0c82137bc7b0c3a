import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message boards under load, against a running platform (issue 7):
 * <ul>
 * <li>a busy thread: a public group, a thread filled with {@code --fill} posts, then {@code --runs} runs of
 * {@code --requests} sequential reads of a page of the thread (the newest page and pages further back) and of
 * {@code --requests} sequential replies, through the gateway and directly on community-service, alternating;
 * p50/p99 per run and the medians of the runs;</li>
 * <li>commit -> notification for mentions: {@code --runs} runs of {@code --mentions} replies at
 * {@code --mention-rate} per second, each mentioning one of {@code --members} members by display name; the
 * latency is the post's createdAt (stored with its MemberMentioned event in one write) against the createdAt of
 * the mention notification that notification-service stored when it consumed the event.</li>
 * </ul>
 * Runs with the JDK alone: {@code java bench/Boards.java [--fill 5000] [--requests 300] [--runs 3]
 * [--mentions 500] [--mention-rate 100] [--members 50] [--gateway http://localhost:8080]
 * [--community http://localhost:8081] [--notifications http://localhost:8084]}
 */
public class Boards {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CREATED_AT = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MENTION = Pattern.compile(
            "\\?post=([^\"]+)\"\\s*,\\s*\"read\"\\s*:\\s*(?:true|false)\\s*,\\s*\"createdAt\"\\s*:\\s*\"([^\"]+)\"");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String gateway = option(args, "--gateway", "http://localhost:8080");
        String community = option(args, "--community", "http://localhost:8081");
        String notifications = option(args, "--notifications", "http://localhost:8084");
        int fill = Integer.parseInt(option(args, "--fill", "5000"));
        int requests = Integer.parseInt(option(args, "--requests", "300"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));
        int mentions = Integer.parseInt(option(args, "--mentions", "500"));
        int mentionRate = Integer.parseInt(option(args, "--mention-rate", "100"));
        int memberCount = Integer.parseInt(option(args, "--members", "50"));
        String run = UUID.randomUUID().toString().substring(0, 8);

        String author = register(community, "bench-author-" + run, "Bench Author " + run);
        String group = find(ID, send("POST", community + "/api/community/groups", author, """
                {"kind":"TOPIC","topic":"energy","name":"Bench energy %s","visibility":"PUBLIC"}""".formatted(run), 201));
        List<String> memberTokens = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            String name = "Bench Reader " + run + " " + i;
            String token = register(community, "bench-reader-" + run + "-" + i, name);
            send("POST", community + "/api/community/groups/" + group + "/members", token, "", 201);
            memberTokens.add(token);
            names.add(name);
        }
        String thread = find(ID, send("POST", community + "/api/community/groups/" + group + "/threads", author,
                "{\"title\":\"Bench thread " + run + "\",\"body\":\"<p>The first post</p>\"}", 201));
        fill(community, author, thread, fill);
        System.out.printf("setup: group %s, thread %s with %d posts, %d members to mention%n", group, thread, fill + 1,
                memberCount);

        Map<String, List<long[]>> results = new java.util.LinkedHashMap<>();
        // the services' code (and the gateway's) is compiled as it runs: measure them warm, as they serve
        for (int r = 0; r <= runs; r++) {
            for (String target : List.of(gateway, community)) {
                String where = target.equals(gateway) ? "gateway" : "direct";
                List<Long> reads = new ArrayList<>();
                List<Long> writes = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    // mostly the newest page, as a chat feed is read; every fourth request further back
                    int page = i % 4 == 3 ? (i / 4) % 50 : 0;
                    long start = System.nanoTime();
                    send("GET", target + "/api/community/threads/" + thread + "/posts?size=20&page=" + page, author,
                            null, 200);
                    reads.add(System.nanoTime() - start);
                }
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    send("POST", target + "/api/community/threads/" + thread + "/posts", author,
                            "{\"body\":\"<p>Run " + r + " reply " + i + " from the " + where + "</p>\"}", 201);
                    writes.add(System.nanoTime() - start);
                }
                if (r > 0) {
                    report(results, "read " + where, r, reads);
                    report(results, "post " + where, r, writes);
                }
            }
        }

        // warm the mention path, then measure
        mentionLatencies(community, notifications, author, thread, memberTokens, names, Math.min(100, mentions),
                mentionRate, run + "-warm");
        for (int r = 1; r <= runs; r++) {
            List<Long> latencies = mentionLatencies(community, notifications, author, thread, memberTokens, names,
                    mentions, mentionRate, run + "-" + r);
            long[] percentiles = percentiles(latencies);
            results.computeIfAbsent("mention commit->notification at " + mentionRate + "/s", k -> new ArrayList<>())
                    .add(java.util.Arrays.stream(percentiles).map(ms -> ms * 1000).toArray());
            System.out.printf("run %d mention commit->notification at %d/s: p50=%d p90=%d p99=%d max=%d ms (%d mentions)%n",
                    r, mentionRate, percentiles[0], percentiles[1], percentiles[2], percentiles[3], latencies.size());
        }

        System.out.printf("%nmedians of %d runs (ms; busy thread of %d+ posts; reads and posts sequential):%n", runs,
                fill + 1);
        results.forEach((name, list) -> System.out.printf("  %-44s p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", name,
                median(list, 0) / 1000.0, median(list, 1) / 1000.0, median(list, 2) / 1000.0, median(list, 3) / 1000.0));
    }

    /** Replies at a fixed rate, each mentioning one member; then matches every mention notification to its post. */
    private static List<Long> mentionLatencies(String community, String notifications, String author, String thread,
            List<String> memberTokens, List<String> names, int count, int rate, String label) throws Exception {
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(8);
        List<CompletableFuture<String[]>> posted = Collections.synchronizedList(new ArrayList<>());
        long periodMicros = 1_000_000L / rate;
        for (int i = 0; i < count; i++) {
            int n = i;
            CompletableFuture<String[]> done = new CompletableFuture<>();
            posted.add(done);
            pacer.schedule(() -> {
                try {
                    String body = send("POST", community + "/api/community/threads/" + thread + "/posts", author,
                            "{\"body\":\"<p>Thanks @" + names.get(n % names.size()) + " for " + label + "-" + n
                                    + "</p>\"}", 201);
                    done.complete(new String[] { find(ID, body), find(CREATED_AT, body) });
                }
                catch (Exception ex) {
                    done.completeExceptionally(ex);
                }
            }, n * periodMicros, TimeUnit.MICROSECONDS);
        }
        Map<String, Instant> postedAt = new HashMap<>();
        for (CompletableFuture<String[]> post : posted) {
            String[] idAndTime = post.get(120, TimeUnit.SECONDS);
            postedAt.put(idAndTime[0], Instant.parse(idAndTime[1]));
        }
        pacer.shutdown();

        Map<String, Instant> notifiedAt = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!notifiedAt.keySet().containsAll(postedAt.keySet())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException((postedAt.size() - notifiedAt.size()) + " mentions not notified in 120 s");
            }
            for (String token : memberTokens) {
                for (int page = 0;; page++) {
                    String inbox = send("GET", notifications + "/api/notifications?size=100&page=" + page, token, null,
                            200);
                    Matcher mention = MENTION.matcher(inbox);
                    boolean any = false;
                    while (mention.find()) {
                        any = true;
                        if (postedAt.containsKey(mention.group(1))) {
                            notifiedAt.put(mention.group(1), Instant.parse(mention.group(2)));
                        }
                    }
                    if (!any) {
                        break;
                    }
                }
            }
            Thread.sleep(200);
        }
        List<Long> latencies = new ArrayList<>();
        postedAt.forEach((post, at) -> latencies.add(Duration.between(at, notifiedAt.get(post)).toMillis()));
        Collections.sort(latencies);
        return latencies;
    }

    private static void fill(String community, String author, String thread, int count) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            done.add(CompletableFuture.runAsync(() -> {
                try {
                    send("POST", community + "/api/community/threads/" + thread + "/posts", author,
                            "{\"body\":\"<p>Post " + n + " of a busy thread, with <b>some</b> formatting</p>\"}", 201);
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }, writers));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
        writers.shutdown();
    }

    /** Prints one run's percentiles of sequential request times and keeps them, in microseconds, for the medians. */
    private static void report(Map<String, List<long[]>> results, String name, int run, List<Long> nanos) {
        List<Long> micros = new ArrayList<>();
        nanos.forEach(n -> micros.add(TimeUnit.NANOSECONDS.toMicros(n)));
        Collections.sort(micros);
        long[] percentiles = percentiles(micros);
        System.out.printf("run %d %-12s p50=%.1f p90=%.1f p99=%.1f max=%.1f ms%n", run, name, percentiles[0] / 1000.0,
                percentiles[1] / 1000.0, percentiles[2] / 1000.0, percentiles[3] / 1000.0);
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(percentiles);
    }

    private static long[] percentiles(List<Long> sorted) {
        return new long[] { pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) };
    }

    private static long median(List<long[]> runs, int index) {
        List<Long> values = new ArrayList<>();
        runs.forEach(r -> values.add(r[index]));
        Collections.sort(values);
        return values.get((values.size() - 1) / 2);
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static String register(String community, String emailPrefix, String displayName) throws Exception {
        String body = """
                {"email": "%s@bench.example.org", "password": "bench password 2026", "displayName": "%s",
                 "city": "cluj-napoca", "languages": ["ro"], "interests": ["energy"],
                 "termsVersion": 1, "minimumAgeConfirmed": true}""".formatted(emailPrefix,
                displayName);
        return find(TOKEN, send("POST", community + "/api/community/members", null, body, 201));
    }

    private static String send(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
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
