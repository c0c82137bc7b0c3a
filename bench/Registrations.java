import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registration throughput: registers {@code --count} new members through the gateway, at most
 * {@code --concurrency} at a time (each worker sends its next registration as soon as the previous one is
 * answered), and prints the registrations per second over the whole run and the latency percentiles. BCrypt
 * (cost 10, about 50 ms per hash on one core) bounds it. Every registration must answer 201.
 *
 * <p>Runs with the JDK alone against a running platform:
 * {@code java bench/Registrations.java --count 300 --concurrency 4 [--url http://localhost:8080]}
 */
public class Registrations {

    private static final String[] CITIES = {"paris", "lyon", "munich", "milan", "madrid", "warsaw", "stockholm",
            "helsinki", "amsterdam", "cluj-napoca", "athens", "lisbon", "ljubljana", "riga", "izmir", "dublin"};
    private static final String[] LANGUAGES = {"fr", "fr", "de", "it", "es", "pl", "sv", "fi", "nl", "ro", "el", "pt",
            "sl", "lv", "tr", "en"};
    private static final String[] TOPICS = {"energy", "mobility", "buildings", "green-space", "waste", "food",
            "participation", "water", "adaptation"};

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "http://localhost:8080");
        int count = Integer.parseInt(option(args, "--count", "300"));
        int concurrency = Integer.parseInt(option(args, "--concurrency", "4"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);

        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            running.add(workers.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    register(http, url, run, n);
                    latencies.add(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : running) {
                worker.get();
            }
        }
        catch (ExecutionException failed) { // the first failed registration ends the run, with its answer
            System.err.println("FAILED: " + failed.getCause().getMessage());
            System.exit(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "RESULT count=%d concurrency=%d seconds=%.2f rate=%.1f p50_ms=%.1f p99_ms=%.1f "
                        + "max_ms=%.1f%n", count, concurrency, seconds, count / seconds, pct(sorted, 50) / 1e6,
                pct(sorted, 99) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    private static void register(HttpClient http, String url, String run, int n) throws Exception {
        int c = Math.floorMod((run + n).hashCode(), CITIES.length);
        String body = """
                {"email": "reg-%s-%d@registrations.example.org", "password": "registration %s %d",
                 "displayName": "Registrant %d %s", "city": "%s", "languages": ["%s", "en"],
                 "interests": ["%s", "%s"], "termsVersion": 1, "minimumAgeConfirmed": true}"""
                .formatted(run, n, run, n, n, run, CITIES[c], LANGUAGES[c],
                TOPICS[n % TOPICS.length], TOPICS[(n + 4) % TOPICS.length]);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/community/members"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
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
