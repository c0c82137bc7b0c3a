import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commit -> inbox latency of the outbox relay, from timestamps: registers members at a fixed rate
 * directly at community-service, then reads each member's joinedAt (stored with the account, in the same
 * write as its MemberJoined event) and the createdAt of their welcome notification (stored by
 * notification-service when it consumed the event). Prints p50/p90/p99/max in milliseconds.
 *
 * <p>Runs with the JDK alone against a running platform:
 * {@code java bench/OutboxLatency.java --rate 20 --count 200 [--community http://localhost:8081]
 * [--notifications http://localhost:8084]}
 */
public class OutboxLatency {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JOINED_AT = Pattern.compile("\"joinedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CREATED_AT = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String community = option(args, "--community", "http://localhost:8081");
        String notifications = option(args, "--notifications", "http://localhost:8084");
        int rate = Integer.parseInt(option(args, "--rate", "20"));
        int count = Integer.parseInt(option(args, "--count", "200"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<Registered>> registrations = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(8);
        long periodMicros = 1_000_000L / rate;
        for (int i = 0; i < count; i++) {
            int n = i;
            CompletableFuture<Registered> done = new CompletableFuture<>();
            registrations.add(done);
            pacer.schedule(() -> {
                try {
                    done.complete(register(http, community, run, n));
                }
                catch (Exception ex) {
                    done.completeExceptionally(ex);
                }
            }, n * periodMicros, TimeUnit.MICROSECONDS);
        }
        List<Registered> members = new ArrayList<>();
        for (CompletableFuture<Registered> registration : registrations) {
            members.add(registration.get(120, TimeUnit.SECONDS));
        }
        pacer.shutdown();

        List<Long> latencies = new ArrayList<>();
        for (Registered member : members) {
            latencies.add(Duration.between(member.joinedAt, welcomedAt(http, notifications, member)).toMillis());
        }
        Collections.sort(latencies);
        System.out.printf("rate=%d/s count=%d p50=%d p90=%d p99=%d max=%d (ms, commit -> welcome stored)%n", rate,
                count, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.get(latencies.size() - 1));
    }

    private record Registered(String token, Instant joinedAt) {
    }

    private static Registered register(HttpClient http, String community, String run, int n) throws Exception {
        String body = """
                {"email": "bench-%s-%d@example.org", "password": "bench password %s", "displayName": "Bench %d",
                 "city": "cluj-napoca", "languages": ["ro"], "interests": ["energy"],
                 "termsVersion": 1, "minimumAgeConfirmed": true}""".formatted(run, n, run, n);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(community + "/api/community/members"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration answered " + response.statusCode() + ": " + response.body());
        }
        return new Registered(find(TOKEN, response.body()), Instant.parse(find(JOINED_AT, response.body())));
    }

    private static Instant welcomedAt(HttpClient http, String notifications, Registered member) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(URI.create(notifications + "/api/notifications"))
                    .header("Authorization", "Bearer " + member.token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher created = CREATED_AT.matcher(inbox.body());
            if (inbox.statusCode() == 200 && created.find()) {
                return Instant.parse(created.group(1));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no welcome within 60 s");
    }

    private static long pct(List<Long> sorted, int percentile) {
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
