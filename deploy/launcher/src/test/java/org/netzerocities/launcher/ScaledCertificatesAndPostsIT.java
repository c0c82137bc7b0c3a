package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * learning-service and campaign-service scaled to two instances each ({@code --scale learning=2 --scale
 * campaign=2}) behind one community-service: each pair splits the partitions of the topics its group consumes;
 * learners whose completions land on both instances each get one certificate, also when a completion reaches the
 * other instance again; posts due at one moment are each published once although both instances' schedulers look
 * for them four times a second.
 *
 * <p>On the scaling tests' lean platform ({@link ScaledPlatform}).
 */
@ExtendWith(ScaledPlatform.class)
class ScaledCertificatesAndPostsIT {

    private static final String LEARNING_GROUP = "learning-service";
    private static final String CAMPAIGN_GROUP = "campaign-service";
    private static final String MEMBERS_TOPIC = "nzc.community.members.v1";
    private static final String ENROLLMENTS_TOPIC = "nzc.learning.enrollments.v1";
    private static final String CERTIFICATES_TOPIC = "nzc.learning.certificates.v1";
    private static final String POSTS_TOPIC = "nzc.campaign.posts.v1";
    private static final String PROGRAM_COMPLETED = "org.netzerocities.learning.enrollment.program-completed.v1";
    private static final String CERTIFICATE_ISSUED = "org.netzerocities.learning.certificate.issued.v1";
    private static final String POST_PUBLISHED = "org.netzerocities.campaign.post.published.v1";
    /** At least this many learners, more until their completions cover every partition. */
    private static final int LEARNERS = 4;
    /**
     * Posts due at the same moment (a scheduler's whole batch), and schedulers that look four times a second: one
     * instance is still publishing the batch it found when the other looks, so both go for the same posts and only
     * the conditional claim keeps each post to one of them.
     */
    private static final int POSTS = 20;
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** A duplicate comes moments after the first copy: how long to keep reading for one. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** Certificates' log lines: the one that issued a certificate, and the one that found it issued already. */
    private static final Pattern ISSUED = Pattern.compile("Certificate \\S+ issued for enrolment (\\S+) ");
    private static final Pattern ISSUED_ALREADY = Pattern.compile("Certificate for enrolment (\\S+) was issued already");
    /** MongoTemplate's debug line for the scheduler's look for due posts (only it asks for queued ones). */
    private static final Pattern LOOKED = Pattern.compile(
            "^(\\S+)\\s+DEBUG.*find using query: .*SCHEDULED.* in collection: publications");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private static LocalStack stack;

    @BeforeAll
    static void platform(LocalStack scaled) {
        stack = scaled;
    }

    @Test
    void twoLearningAndTwoCampaignInstancesShareThePartitionsIssueEachCertificateOnceAndPublishEachPostOnce()
            throws Exception {
        String admin = logIn("admin@nzc.local", "change-me-now");
        // the posts are queued first and come due while the learners work through the programme
        ScheduledPosts posts = schedulePosts(admin);
        List<Learner> learners = learnersCompleteTheProgramme(admin);

        ConsumerGroups.assertSharedPartitions(stack, LEARNING_GROUP, ENROLLMENTS_TOPIC, MEMBERS_TOPIC);
        Set<String> campaignTopics = ConsumerGroups.topicsOf(stack, CAMPAIGN_GROUP);
        assertThat(campaignTopics).contains(MEMBERS_TOPIC, CERTIFICATES_TOPIC);
        ConsumerGroups.assertSharedPartitions(stack, CAMPAIGN_GROUP, campaignTopics.toArray(String[]::new));

        eachLearnerHoldsOneCertificateAlsoWhenTheOtherInstanceSeesHerCompletionAgain(learners);
        eachPostIsPublishedOnceAndBothSchedulersLooked(posts);
    }

    /**
     * A facilitator's cohort, learners enrolled until their enrolments (the key of their completions) fall on every
     * partition, each learner through the programme.
     */
    private List<Learner> learnersCompleteTheProgramme(String admin) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String facilitatorEmail = "facilitator-" + run + "@example.org";
        String facilitatorId = register(facilitatorEmail, "Lucía Ortega").at("/member/id").asString();
        call(Service.COMMUNITY, 0, "POST", "/api/community/members/" + facilitatorId + "/roles",
                "{\"role\":\"FACILITATOR\"}", admin, 200);
        String facilitator = logIn(facilitatorEmail, "correct horse battery");
        awaitKnown(Service.LEARNING, "/api/learning/learners/me", facilitator);
        String cohort = call(Service.LEARNING, 0, "POST", "/api/learning/cohorts", """
                {"name":"Scaled %s","language":"es","startsOn":"%s","endsOn":"%s","capacity":40,
                 "discussionLink":"https://meet.example.org/nzc-scaled"}""".formatted(run,
                LocalDate.now(ZoneOffset.UTC).plusDays(1), LocalDate.now(ZoneOffset.UTC).plusDays(71)),
                facilitator, 201).get("cohortId").asString();
        call(Service.LEARNING, 1, "POST", "/api/learning/cohorts/" + cohort + "/publication", null, facilitator, 200);

        List<Learner> learners = new ArrayList<>();
        Set<Integer> partitions = new HashSet<>();
        int partitionCount = stack.options().kafkaPartitions();
        while (learners.size() < LEARNERS || partitions.size() < partitionCount) {
            assertThat(learners).as("learners enrolled to cover every partition").hasSizeLessThan(30);
            JsonNode registered = register("learner-" + learners.size() + "-" + run + "@example.org", "Carmen Ruiz");
            String token = registered.get("accessToken").asString();
            awaitKnown(Service.LEARNING, "/api/learning/learners/me", token);
            String enrollment = call(Service.LEARNING, learners.size() % 2, "POST",
                    "/api/learning/cohorts/" + cohort + "/enrollments", null, token, 201).get("enrollmentId")
                    .asString();
            learners.add(new Learner(enrollment, registered.at("/member/id").asString(), token));
            // the producer's default partitioner: murmur2 of the key
            partitions.add(Utils.toPositive(Utils.murmur2(enrollment.getBytes(StandardCharsets.UTF_8)))
                    % partitionCount);
        }

        List<String> units = new ArrayList<>();
        call(Service.LEARNING, 0, "GET", "/api/learning/program", null, null, 200).get("modules")
                .forEach(module -> module.get("units").forEach(unit -> units.add(unit.get("unitId").asString())));
        for (int i = 0; i < learners.size(); i++) {
            Learner learner = learners.get(i);
            // each learner's requests go to one instance, the next learner's to the other
            int instance = i % 2;
            for (String unit : units) {
                String unitPath = "/api/learning/enrollments/" + learner.enrollment() + "/units/" + unit;
                call(Service.LEARNING, instance, "POST", unitPath + "/completion", null, learner.token(), 200);
                String homework = call(Service.LEARNING, instance, "POST", unitPath + "/homework",
                        "{\"text\":\"Start with the shade plan.\"}", learner.token(), 201).get("submissionId")
                        .asString();
                call(Service.LEARNING, instance, "POST", "/api/learning/homework/" + homework + "/review",
                        "{\"decision\":\"ACCEPTED\"}", facilitator, 200);
            }
        }
        return learners;
    }

    private record Learner(String enrollment, String memberId, String token) {
    }

    /**
     * Each completion is on the broker once and was handled on both instances between them; each learner holds one
     * certificate. Then every completion goes again to the instance that did not handle it, once as the same event
     * (the processed-event marks skip it) and once as a new event of the same enrolment (the unique enrolment index
     * decides): that instance issues nothing, and no second CertificateIssued comes.
     */
    private void eachLearnerHoldsOneCertificateAlsoWhenTheOtherInstanceSeesHerCompletionAgain(List<Learner> learners)
            throws Exception {
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (Learner learner : learners) {
                assertThat(call(Service.LEARNING, 0, "GET", "/api/learning/enrollments/me", null, learner.token(), 200)
                        .at("/0/certificate/verificationCode").asString("")).as(learner.enrollment()).isNotEmpty();
            }
        });
        Set<String> enrollments = learners.stream().map(Learner::enrollment).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> completions = records(ENROLLMENTS_TOPIC, PROGRAM_COMPLETED,
                ConsumerRecord::key, enrollments);
        assertThat(completions.stream().map(ConsumerRecord::key)).as("one completion per enrolment")
                .containsExactlyInAnyOrderElementsOf(enrollments);
        Map<Integer, String> holders = ConsumerGroups.holders(stack, LEARNING_GROUP, ENROLLMENTS_TOPIC);
        assertThat(completions.stream().map(completion -> holders.get(completion.partition())).distinct())
                .as("instances that handled the completions (partition holders %s)", holders).hasSize(2);

        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (ConsumerRecord<String, String> completion : completions) {
                int otherInstance = holders.entrySet().stream()
                        .filter(held -> !held.getValue().equals(holders.get(completion.partition())))
                        .findFirst().orElseThrow().getKey();
                var asNewEvent = new RecordHeaders(completion.headers().toArray());
                asNewEvent.remove("ce_id");
                asNewEvent.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                for (var headers : List.of(completion.headers(), asNewEvent)) {
                    producer.send(new ProducerRecord<>(ENROLLMENTS_TOPIC, otherInstance, completion.key(),
                            completion.value(), headers)).get();
                }
            }
        }
        await().atMost(EVENTUALLY).until(() -> ConsumerGroups.lag(stack, LEARNING_GROUP, ENROLLMENTS_TOPIC) == 0);

        // the instance that issued each certificate, and the other one, which found it issued already
        List<String> issued = logLines(Service.LEARNING, 0, ISSUED);
        List<String> refused = logLines(Service.LEARNING, 0, ISSUED_ALREADY);
        List<String> issuedOnOther = logLines(Service.LEARNING, 1, ISSUED);
        List<String> refusedOnOther = logLines(Service.LEARNING, 1, ISSUED_ALREADY);
        for (String enrollment : enrollments) {
            boolean onFirst = issued.contains(enrollment);
            assertThat(onFirst ^ issuedOnOther.contains(enrollment)).as("issued on one instance: " + enrollment)
                    .isTrue();
            assertThat(onFirst ? refusedOnOther : refused).as("the other instance refused " + enrollment)
                    .contains(enrollment);
        }
        assertThat(issued.size() + issuedOnOther.size()).as("certificates issued").isEqualTo(learners.size());

        try (var mongo = MongoClients.create(stack.mongoUri())) {
            assertThat(mongo.getDatabase("nzc-learning").getCollection("certificates")
                    .countDocuments(Filters.in("enrollmentId", enrollments)))
                    .as("certificates stored").isEqualTo(learners.size());
        }
        Set<String> memberIds = learners.stream().map(Learner::memberId).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> announced = records(CERTIFICATES_TOPIC, CERTIFICATE_ISSUED,
                record -> json.readTree(record.value()).get("memberId").asString(), memberIds);
        assertThat(announced.stream().map(record -> json.readTree(record.value()).get("memberId").asString()))
                .as("one CertificateIssued per learner").containsExactlyInAnyOrderElementsOf(memberIds);
    }

    /** A channel, its team, a campaign and its posts, each approved for one moment a few seconds ahead. */
    private ScheduledPosts schedulePosts(String admin) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonNode lead = register("lead-" + run + "@example.org", "Pau Ferrer");
        JsonNode steering = register("steering-" + run + "@example.org", "Elena Navarro");
        String leadToken = lead.get("accessToken").asString();
        String steeringToken = steering.get("accessToken").asString();
        awaitKnown(Service.CAMPAIGN, "/api/campaigns/audience/me", leadToken);
        awaitKnown(Service.CAMPAIGN, "/api/campaigns/audience/me", steeringToken);

        String channel = call(Service.CAMPAIGN, 0, "POST", "/api/campaigns/channels",
                "{\"city\":\"lyon\",\"language\":\"fr\",\"instagramAccountId\":\"17841400000000002\"}", admin, 201)
                .get("channelId").asString();
        call(Service.CAMPAIGN, 1, "POST", "/api/campaigns/channels/" + channel + "/team", "{\"memberId\":\""
                + lead.at("/member/id").asString() + "\",\"role\":\"LEADERSHIP_TEAM\"}", admin, 200);
        call(Service.CAMPAIGN, 0, "POST", "/api/campaigns/channels/" + channel + "/team", "{\"memberId\":\""
                + steering.at("/member/id").asString() + "\",\"role\":\"STEERING_COMMITTEE\"}", admin, 200);
        assertThat(send(Service.CAMPAIGN, 1, "PUT", "/api/campaigns/channels/" + channel + "/credential",
                "{\"accessToken\":\"IGQVJ-lyon-" + run + "\"}", admin).statusCode()).isBetween(200, 204);
        String campaign = call(Service.CAMPAIGN, 0, "POST", "/api/campaigns/campaigns", """
                {"channelId":"%s","kind":"CALL_TO_ACTION","title":"Plant a street tree","audience":["CITIZENS"],
                 "pillar":"EXPANDING_MOVEMENT","subTheme":"TAKE_ACTION","startsAt":"%s","endsAt":"%s",
                 "kpis":{"responses":50,"newMembers":20},"campaignRef":"lyon-trees-%s",
                 "callToAction":{"activity":"Adopt a tree in your street","deadline":"%s",
                  "questions":[{"id":"street","text":"Which street?","required":true}]}}""".formatted(channel,
                Instant.now(), Instant.now().plus(Duration.ofDays(30)), run, Instant.now().plus(Duration.ofDays(20))),
                leadToken, 201).get("id").asString();

        List<String> posts = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            String post = call(Service.CAMPAIGN, i % 2, "POST", "/api/campaigns/campaigns/" + campaign + "/posts", """
                    {"caption":"Adopt a tree in your street, part %d","hashtags":["NetZeroCities"],
                     "mediaKind":"IMAGE","mediaUrls":["https://media.example.org/lyon-trees-%d.jpg"]}"""
                    .formatted(i, i), leadToken, 201).get("id").asString();
            call(Service.CAMPAIGN, (i + 1) % 2, "POST", "/api/campaigns/posts/" + post + "/submission", null,
                    leadToken, 200);
            posts.add(post);
        }
        // all due at once, far enough ahead for every approval to come first
        Instant due = Instant.now().plusSeconds(10);
        for (int i = 0; i < POSTS; i++) {
            call(Service.CAMPAIGN, i % 2, "POST", "/api/campaigns/posts/" + posts.get(i) + "/approval",
                    "{\"scheduledAt\":\"" + due + "\"}", steeringToken, 200);
        }
        return new ScheduledPosts(posts, due, leadToken);
    }

    private record ScheduledPosts(List<String> ids, Instant due, String leadToken) {
    }

    /**
     * Each post shows published through either instance, is announced once on the broker, and went out once through
     * the local publisher; both instances' schedulers looked for due posts after they came due.
     */
    private void eachPostIsPublishedOnceAndBothSchedulersLooked(ScheduledPosts posts) throws Exception {
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (int i = 0; i < posts.ids().size(); i++) {
                JsonNode post = call(Service.CAMPAIGN, i % 2, "GET", "/api/campaigns/posts/" + posts.ids().get(i),
                        null, posts.leadToken(), 200);
                assertThat(post.at("/publication/status").asString()).as(posts.ids().get(i)).isEqualTo("PUBLISHED");
            }
        });
        // both schedulers go on looking: a post published twice would be now
        Thread.sleep(ScaledPlatform.PUBLISH_SCAN_INTERVAL.multipliedBy(3).toMillis());

        List<ConsumerRecord<String, String>> announced = records(POSTS_TOPIC, POST_PUBLISHED, ConsumerRecord::key,
                Set.copyOf(posts.ids()));
        assertThat(announced.stream().map(ConsumerRecord::key)).as("one CampaignPostPublished per post")
                .containsExactlyInAnyOrderElementsOf(posts.ids());
        try (var mongo = MongoClients.create(stack.mongoUri())) {
            List<String> wentOut = new ArrayList<>();
            mongo.getDatabase("nzc-campaign").getCollection("local_published_posts")
                    .find(Filters.and(Filters.in("postId", posts.ids()), Filters.ne("mediaId", null)))
                    .forEach((Document published) -> wentOut.add(published.getString("postId")));
            assertThat(wentOut).as("posts the local publisher posted").containsExactlyInAnyOrderElementsOf(posts.ids());
        }
        for (int instance = 0; instance < 2; instance++) {
            List<OffsetDateTime> looks = new ArrayList<>();
            for (String line : Files.readAllLines(stack.logFile(Service.CAMPAIGN, instance))) {
                Matcher looked = LOOKED.matcher(line);
                if (looked.find()) {
                    looks.add(OffsetDateTime.parse(looked.group(1)));
                }
            }
            assertThat(looks.stream().filter(look -> look.toInstant().isAfter(posts.due())))
                    .as("campaign-service instance %d looked for due posts after they came due", instance)
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    /**
     * The records of one event type on a topic whose id (by {@code idOf}) is among {@code ids}, read from the start
     * until there is one for each id and nothing more came for a while.
     */
    private List<ConsumerRecord<String, String>> records(String topic, String type,
            Function<ConsumerRecord<String, String>, String> idOf, Set<String> ids) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "scaled-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + EVENTUALLY.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    var header = record.headers().lastHeader("ce_type");
                    if (record.value() != null && header != null
                            && type.equals(new String(header.value(), StandardCharsets.UTF_8))
                            && ids.contains(idOf.apply(record))) {
                        found.add(record);
                    }
                }
                if (found.size() >= ids.size() && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + QUIET.toNanos();
                }
            }
        }
        return found;
    }

    /** The first group of the pattern in each line of the instance's log that it matches. */
    private List<String> logLines(Service service, int instance, Pattern pattern) throws Exception {
        return Files.readAllLines(stack.logFile(service, instance)).stream().map(pattern::matcher)
                .filter(Matcher::find).map(found -> found.group(1)).collect(Collectors.toList());
    }

    private JsonNode register(String email, String displayName) throws Exception {
        int terms = call(Service.COMMUNITY, 0, "GET", "/api/community/terms", null, null, 200).get("version").asInt();
        return call(Service.COMMUNITY, 0, "POST", "/api/community/members", """
                {"email":"%s","password":"correct horse battery","displayName":"%s","city":"lyon",
                 "languages":["fr"],"interests":["energy"],"termsVersion":%d,"minimumAgeConfirmed":true}"""
                .formatted(email, displayName, terms), null, 201);
    }

    private String logIn(String email, String password) throws Exception {
        return call(Service.COMMUNITY, 0, "POST", "/api/community/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null, 200)
                .get("accessToken").asString();
    }

    /** Until both instances know the member, from the MemberJoined their group consumed. */
    private void awaitKnown(Service service, String path, String token) {
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            call(service, 0, "GET", path, null, token, 200);
            call(service, 1, "GET", path, null, token, 200);
        });
    }

    private JsonNode call(Service service, int instance, String method, String path, String body, String token,
            int expectedStatus) throws Exception {
        HttpResponse<String> response = send(service, instance, method, path, body, token);
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body().isEmpty() ? "null" : response.body());
    }

    private HttpResponse<String> send(Service service, int instance, String method, String path, String body,
            String token) throws Exception {
        return http.send(JsonRequests.of(stack.serviceUrl(service, instance) + path, method, body, token),
                HttpResponse.BodyHandlers.ofString());
    }
}
