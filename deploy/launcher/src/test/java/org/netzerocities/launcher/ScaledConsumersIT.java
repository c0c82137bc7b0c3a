package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification-service scaled to two instances ({@code --scale notification=2}) behind one community-service: the
 * instances split the partitions of the topics they consume between them, every member gets one welcome
 * notification and one verification email, never two, and each lease-guarded job runs on one instance at a time.
 *
 * <p>On the scaling tests' lean platform ({@link ScaledPlatform}), whose notification jobs run every two seconds.
 */
@ExtendWith(ScaledPlatform.class)
class ScaledConsumersIT {

    private static final String MEMBERS_TOPIC = "nzc.community.members.v1";
    private static final String ROUTING_GROUP = "notification-service";
    private static final int MEMBERS = 12;
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** ClusterLease's debug line when an instance takes a lease; the log line starts with its ISO timestamp. */
    private static final Pattern LEASE_TAKEN = Pattern.compile("^(\\S+)\\s+DEBUG.*lease (\\S+) taken by instance (\\S+)");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private static LocalStack stack;

    @BeforeAll
    static void platform(LocalStack scaled) {
        stack = scaled;
    }

    @Test
    void twoNotificationInstancesShareThePartitionsProduceEachNotificationOnceAndRunEachJobOnce() throws Exception {
        assertThat(stack.options().port(Service.NOTIFICATION, 1))
                .isNotEqualTo(stack.options().port(Service.NOTIFICATION, 0));

        Map<String, String> tokens = new LinkedHashMap<>();
        String community = stack.serviceUrl(Service.COMMUNITY);
        int terms = call(community, "GET", "/api/community/terms", null, null, 200).get("version").asInt();
        for (int i = 0; i < MEMBERS; i++) {
            String email = "scaled-" + i + "-" + UUID.randomUUID() + "@example.org";
            JsonNode registered = call(community, "POST", "/api/community/members", """
                    {"email":"%s","password":"correct horse battery","displayName":"Ana Pop","city":"lyon",
                     "languages":["fr"],"interests":["energy"],"termsVersion":%d,"minimumAgeConfirmed":true}"""
                    .formatted(email, terms), null, 201);
            tokens.put(email, registered.get("accessToken").asString());
        }

        ConsumerGroups.assertSharedPartitions(stack, ROUTING_GROUP, MEMBERS_TOPIC);

        // each member's inbox, read from either instance (they share the database): one welcome, no second
        List<String> emails = new ArrayList<>(tokens.keySet());
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (int i = 0; i < emails.size(); i++) {
                assertThat(inboxKinds(stack, i % 2, tokens.get(emails.get(i)))).as(emails.get(i)).contains("WELCOME");
                assertThat(mailCount(stack, emails.get(i))).as(emails.get(i)).isPositive();
            }
        });
        // a duplicate would come moments after the first copy: give it the time to show
        Thread.sleep(3_000);
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i);
            assertThat(inboxKinds(stack, (i + 1) % 2, tokens.get(email))).as(email).containsExactly("WELCOME");
            assertThat(mailCount(stack, email)).as("verification emails to " + email).isEqualTo(1);
        }

        assertEachJobRanOnceAtATime(stack);
    }

    /**
     * The leases, as both instances' logs tell their takes: each job is taken at least twice over the test, and
     * never again sooner than half an interval after the last take by either instance (two instances each running
     * a job on their own would take it at independent moments, most of them closer than that).
     */
    private static void assertEachJobRanOnceAtATime(LocalStack stack) throws IOException {
        Map<String, List<OffsetDateTime>> takes = new LinkedHashMap<>();
        Set<String> holders = new HashSet<>();
        for (int instance = 0; instance < 2; instance++) {
            for (String line : Files.readAllLines(stack.logFile(Service.NOTIFICATION, instance))) {
                Matcher taken = LEASE_TAKEN.matcher(line);
                if (taken.find()) {
                    takes.computeIfAbsent(taken.group(2), job -> new ArrayList<>())
                            .add(OffsetDateTime.parse(taken.group(1)));
                    holders.add(taken.group(3));
                }
            }
        }
        assertThat(takes).as("lease-guarded jobs that ran").containsKeys("daily-digest", "notifications-purge",
                "email-budget-purge");
        assertThat(holders).as("instances that took a lease").isNotEmpty();
        takes.forEach((job, times) -> {
            List<OffsetDateTime> sorted = times.stream().sorted().toList();
            assertThat(sorted).as(job).hasSizeGreaterThanOrEqualTo(2);
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
                        .as("%s taken at %s", job, sorted)
                        .isGreaterThanOrEqualTo(ScaledPlatform.JOB_INTERVAL.dividedBy(2));
            }
        });
    }

    private Collection<String> inboxKinds(LocalStack stack, int instance, String token) throws Exception {
        return call(stack.serviceUrl(Service.NOTIFICATION, instance), "GET", "/api/notifications?size=100", null,
                token, 200).findValuesAsString("kind");
    }

    /** How many emails the launcher's local SMTP sink received for the address (GreenMail's REST API). */
    private int mailCount(LocalStack stack, String address) throws Exception {
        HttpResponse<String> mails = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + stack.options().mailWebPort() + "/api/user/" + address + "/messages/INBOX/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return mails.statusCode() == 200 ? json.readTree(mails.body()).size() : 0;
    }

    private JsonNode call(String base, String method, String path, String body, String token, int expectedStatus)
            throws Exception {
        HttpResponse<String> response = http.send(JsonRequests.of(base + path, method, body, token),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body().isEmpty() ? "null" : response.body());
    }
}
