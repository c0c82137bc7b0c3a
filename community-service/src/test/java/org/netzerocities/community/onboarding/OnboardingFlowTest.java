package org.netzerocities.community.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;

/** The onboarding kit against the real broker and database: what is published, what is consumed. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class OnboardingFlowTest {

    private static final String ACCEPTED = EventCatalog.MANIFESTO_ACCEPTED.type();
    private static final String ONBOARDED = EventCatalog.ONBOARDING_COMPLETED.type();

    @Autowired
    MockMvc http;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    EventFactory events;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoClient mongoClient;
    @Autowired
    OnboardingFunnel funnel;
    @Autowired
    OnboardingPersonalData personalData;
    @Autowired
    @Qualifier("onboardingOnMemberJoined")
    EventHandler<MemberJoined> onJoined;

    @Test
    void acceptingPublishesManifestoAcceptedAndOnboardingCompletedExactlyOnce() throws Exception {
        String memberId = UUID.randomUUID().toString();
        PendingEvent joined = memberJoined(memberId, "cluj-napoca", true);
        TestEvents.publish(kafka, codec, joined);
        TestEvents.publish(kafka, codec, joined); // the broker redelivers: same event id
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(memberId, Onboarding.class) != null);

        accept(memberId).andExpect(status().isOk())
                .andExpect(jsonPath("$.onboarded").value(true))
                .andExpect(jsonPath("$.onboarding[1].status").value("DONE"));
        accept(memberId).andExpect(status().isOk()).andExpect(jsonPath("$.onboarded").value(true));
        TestEvents.publish(kafka, codec, joined);

        var published = read(memberId, 3, Duration.ofSeconds(8));
        assertThat(published).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(ACCEPTED, ONBOARDED);
        assertThat(published.get(1).value()).contains("\"city\":\"cluj-napoca\"");
    }

    @Test
    void anAcceptanceBeforeMemberJoinedIsConsumedOnboardsTheMemberWhenItArrives() throws Exception {
        String memberId = UUID.randomUUID().toString();

        accept(memberId).andExpect(status().isOk()).andExpect(jsonPath("$.onboarded").value(false))
                .andExpect(jsonPath("$.onboarding[0].status").value("TODO"));
        var event = HandlerHarness.deliver(onJoined, memberId, joinedPayload(memberId, "malmo", true));
        HandlerHarness.redeliver(onJoined, event);

        var published = read(memberId, 3, Duration.ofSeconds(8));
        assertThat(published).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(ACCEPTED, ONBOARDED);
        assertThat(published.get(1).value()).contains("\"city\":\"malmo\"");
        http.perform(get("/api/community/onboarding").with(member(memberId)))
                .andExpect(jsonPath("$.checklist.onboarded").value(true));
    }

    @Test
    void anEnrolmentWithAPlaceCompletesTheProgrammeStepAndAWaitlistedOneDoesNot() throws Exception {
        String waitlisted = UUID.randomUUID().toString();
        String enrolled = UUID.randomUUID().toString();
        String cohortId = UUID.randomUUID().toString();
        // one cohort, one key, one partition: the second is consumed after the first
        TestEvents.publish(kafka, codec, enrolment(cohortId, waitlisted, "WAITLISTED"));
        TestEvents.publish(kafka, codec, enrolment(cohortId, enrolled, "ENROLLED"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.perform(get("/api/community/onboarding")
                .with(member(enrolled))).andExpect(jsonPath("$.checklist.activation[2].status").value("DONE"))
                .andExpect(jsonPath("$.checklist.activated").value(true)));
        http.perform(get("/api/community/onboarding").with(member(waitlisted)))
                .andExpect(jsonPath("$.checklist.activation[2].status").value("TODO"))
                .andExpect(jsonPath("$.checklist.activated").value(false));
    }

    @Test
    void signatoriesAreCountedPerVersionAndAnErasedMemberIsForgotten() throws Exception {
        String memberId = UUID.randomUUID().toString();
        String city = "erasure-" + UUID.randomUUID();
        TestEvents.publish(kafka, codec, memberJoined(memberId, city, true));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(memberId, Onboarding.class) != null);
        int version = JsonPath.read(accept(memberId).andReturn().getResponse().getContentAsString(),
                "$.currentManifesto");
        await().atMost(Duration.ofSeconds(20)).until(() -> signatories(version) >= 1);
        long before = signatories(version);
        http.perform(post("/api/community/onboarding/manifesto/amendments").with(member(memberId))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Add: we travel light\"}"))
                .andExpect(status().isCreated());
        assertThat(personalData.of(memberId).amendments()).hasSize(1);
        assertThat(personalData.of(memberId).acceptances()).extracting(Acceptance::version).containsExactly(version);

        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.MEMBER_ERASED, memberId,
                new MemberErased(memberId, city, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(memberId, Onboarding.class).erased());
        TestEvents.publish(kafka, codec, enrolment(UUID.randomUUID().toString(), memberId, "ENROLLED"));

        await().atMost(Duration.ofSeconds(20)).until(() -> signatories(version) <= before - 1);
        assertThat(personalData.of(memberId).amendments()).isEmpty();
        assertThat(mongo.findAll(Amendment.class)).filteredOn(a -> "Add: we travel light".equals(a.text()))
                .isNotEmpty().allMatch(a -> a.authorId() == null);
        assertThat(funnel.of(city)).isEqualTo(new OnboardingFunnel.Funnel(0, 0, 0));
        assertThat(mongo.findById(memberId, Onboarding.class).enrolledAt()).isNull();
    }

    @Test
    void theCityFunnelCountsJoinedOnboardedAndActivatedMembers() throws Exception {
        String city = "funnel-" + UUID.randomUUID();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        ids.forEach(id -> HandlerHarness.deliver(onJoined, id, joinedPayload(id, city, true)));
        accept(ids.get(0)).andExpect(status().isOk());
        accept(ids.get(1)).andExpect(status().isOk());
        TestEvents.publish(kafka, codec, enrolment(UUID.randomUUID().toString(), ids.get(2), "PROMOTED"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(funnel.of(city)).isEqualTo(new OnboardingFunnel.Funnel(3, 2, 1)));
    }

    @Test
    void aNewVersionAsksMembersToAcceptAgainWithoutOnboardingThemTwice() throws Exception {
        String memberId = UUID.randomUUID().toString();
        HandlerHarness.deliver(onJoined, memberId, joinedPayload(memberId, "cluj-napoca", true));
        accept(memberId).andExpect(jsonPath("$.onboarded").value(true));

        String body = http.perform(post("/api/community/onboarding/manifesto/versions").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"summary\":\"Adds care for each other\",\"text\":\"# Manifesto\\n\\nWe care.\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(body, "$.version");

        http.perform(get("/api/community/onboarding").with(member(memberId)))
                .andExpect(jsonPath("$.manifesto.version").value(version))
                .andExpect(jsonPath("$.checklist.onboarding[1].status").value("ACCEPT_AGAIN"))
                .andExpect(jsonPath("$.checklist.onboarded").value(true));
        http.perform(post("/api/community/onboarding/manifesto/acceptance").with(member(memberId))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + (version - 1) + "}"))
                .andExpect(status().isConflict());
        http.perform(post("/api/community/onboarding/manifesto/acceptance").with(member(memberId))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.onboarding[1].status").value("DONE"));

        assertThat(read(memberId, 4, Duration.ofSeconds(8))).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly(ACCEPTED, ONBOARDED, ACCEPTED);
        assertThat(TopicReader.read(bootstrap(), EventCatalog.COMMUNITY_MANIFESTO_TOPIC,
                r -> String.valueOf(version).equals(r.key()), 1, Duration.ofSeconds(20))).hasSize(1)
                .allMatch(r -> r.value().contains("Adds care for each other"));
    }

    @Test
    void twoAdminsPublishingAtOnceNeverCreateTheSameVersionNumberTwice() throws Exception {
        Manifestos manifestos = new Manifestos(new MongoTemplate(mongoClient, "race-" + UUID.randomUUID()), events,
                java.time.Clock.systemUTC());
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> seeds = List.of(() -> manifestos.seedFirst(new ManifestoText("s", "t")),
                    () -> manifestos.seedFirst(new ManifestoText("s", "t")));
            assertThat(pool.invokeAll(seeds).stream().map(OnboardingFlowTest::result)).containsExactlyInAnyOrder(
                    true, false);

            List<Callable<Integer>> publishes = List.of(
                    () -> publishOrConflict(manifestos), () -> publishOrConflict(manifestos),
                    () -> publishOrConflict(manifestos), () -> publishOrConflict(manifestos));
            List<Integer> numbers = pool.invokeAll(publishes).stream().map(OnboardingFlowTest::result)
                    .filter(n -> n > 0).toList();
            assertThat(numbers).doesNotHaveDuplicates().isNotEmpty();
            assertThat(manifestos.history()).extracting(ManifestoVersion::number)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 1 + numbers.size())
                            .boxed().toList());
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static int publishOrConflict(Manifestos manifestos) {
        try {
            return manifestos.publish(new ManifestoText("s", "t"), "admin").number();
        }
        catch (ApiProblem conflict) {
            return 0;
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private long signatories(int version) throws Exception {
        String body = http.perform(get("/api/community/onboarding/manifesto")).andReturn().getResponse()
                .getContentAsString();
        List<Integer> counts = JsonPath.read(body, "$.versions[?(@.version == " + version + ")].signatories");
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private org.springframework.test.web.servlet.ResultActions accept(String memberId) throws Exception {
        return http.perform(post("/api/community/onboarding/manifesto/acceptance").with(member(memberId)));
    }

    private List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> read(String memberId, int atMost,
            Duration wait) {
        return TopicReader.read(bootstrap(), EventCatalog.COMMUNITY_MEMBERS_TOPIC,
                r -> memberId.equals(r.key()) && !EventCatalog.MEMBER_JOINED.type().equals(
                        TopicReader.header(r, "ce_type")), atMost, wait);
    }

    private String bootstrap() {
        return String.join(",", kafkaConnection.getBootstrapServers());
    }

    private PendingEvent memberJoined(String memberId, String city, boolean profileComplete) {
        return TestEvents.event(codec, EventCatalog.MEMBER_JOINED, memberId,
                joinedPayload(memberId, city, profileComplete));
    }

    private PendingEvent enrolment(String cohortId, String memberId, String status) {
        return TestEvents.event(codec, EventCatalog.LEARNER_ENROLLED, cohortId,
                new LearnerEnrolled(cohortId, "Cohort", UUID.randomUUID().toString(), memberId, status));
    }

    static MemberJoined joinedPayload(String memberId, String city, boolean profileComplete) {
        return new MemberJoined(memberId, "Member", city, List.of("ro", "en"), List.of("energy"), "Europe/Bucharest",
                null, null, profileComplete, Instant.now());
    }

    static RequestPostProcessor member(String memberId) {
        return jwt().jwt(token -> token.subject(memberId).claim("roles", List.of("MEMBER")))
                .authorities(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }

    static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject("admin-" + UUID.randomUUID()).claim("roles", List.of("MEMBER", "ADMIN")))
                .authorities(new SimpleGrantedAuthority("ROLE_MEMBER"), new SimpleGrantedAuthority("ROLE_ADMIN"));
    }
}
