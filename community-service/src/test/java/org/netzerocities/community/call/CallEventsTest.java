package org.netzerocities.community.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.call.CallWebTest.body;
import static org.netzerocities.community.call.CallWebTest.code;
import static org.netzerocities.community.call.CallWebTest.teamOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventSchemas;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityGrant;
import org.netzerocities.support.caller.CityRole;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Calls against the real broker and database: what they publish, and what they learn from member events. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CallEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    MockMvc http;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    CallRepository calls;
    @Autowired
    CallsToJoin callsToJoin;
    @Autowired
    CallService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CityCatalog cities;
    @Autowired
    EventFactory events;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("joinThroughCall")
    EventHandler<MemberJoined> joinThroughCall;
    @Autowired
    @Qualifier("launcherErased")
    EventHandler<MemberErased> launcherErased;

    @Test
    void aLaunchedCallIsPublishedAsCallToJoinLaunchedKeyedByItsId() throws Exception {
        String code = code(http.perform(post("/api/community/calls").with(teamOf("cluj-napoca"))
                .contentType(MediaType.APPLICATION_JSON).content(body("cluj-napoca"))));
        CallToJoin stored = calls.findByCode(code).orElseThrow();

        var published = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_CALLS_TOPIC, r -> stored.id().equals(r.key()), 1, PATIENCE);

        assertThat(published).hasSize(1);
        var record = published.get(0);
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.netzerocities.community.call.launched.v1");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(stored.id());
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/community-service");
        assertThat(new EventSchemas().violations(EventCatalog.CALL_TO_JOIN_LAUNCHED, record.value())).isEmpty();
        String payload = record.value();
        assertThat(JsonPath.<String>read(payload, "$.callId")).isEqualTo(stored.id());
        assertThat(JsonPath.<String>read(payload, "$.code")).isEqualTo(code);
        assertThat(JsonPath.<String>read(payload, "$.city")).isEqualTo("cluj-napoca");
        assertThat(JsonPath.<String>read(payload, "$.title")).isEqualTo("Join the mission");
        assertThat(JsonPath.<List<String>>read(payload, "$.topics")).containsExactly("energy");
        assertThat(Instant.parse(JsonPath.read(payload, "$.closesAt"))).isEqualTo(stored.closesAt());
        assertThat(JsonPath.<String>read(payload, "$.launchedBy")).isEqualTo(stored.launchedBy()).isNotBlank();
        assertThat(Instant.parse(JsonPath.read(payload, "$.launchedAt"))).isEqualTo(stored.launchedAt());
        await().atMost(PATIENCE).until(() -> calls.findById(stored.id()).orElseThrow().outbox().isEmpty());
    }

    @Test
    void membersWhoRegisterWithTheCodeAreCountedFromTheirMemberJoined() throws Exception {
        String code = code(http.perform(post("/api/community/calls").with(teamOf("malmo"))
                .contentType(MediaType.APPLICATION_JSON).content(body("malmo"))));

        register("malmo", code.toLowerCase());
        register("malmo", code);
        register("malmo", null);

        await().atMost(PATIENCE).untilAsserted(() -> http.perform(get("/api/community/calls/{code}", code))
                .andExpect(jsonPath("$.joins").value(2)));
        assertThat(callsToJoin.callsOf("malmo")).filteredOn(call -> call.code().equals(code)).singleElement()
                .satisfies(call -> {
                    assertThat(call.joins()).isEqualTo(2);
                    assertThat(call.open()).isTrue();
                });
    }

    @Test
    void aRedeliveredMemberJoinedIsCountedOnce() {
        CallToJoin call = launch("cluj-napoca");

        IncomingEvent first = HandlerHarness.deliver(joinThroughCall, "m1", joined("m1", call.code()));
        HandlerHarness.redeliver(joinThroughCall, first);
        HandlerHarness.redeliver(joinThroughCall, first);
        HandlerHarness.deliver(joinThroughCall, "m2", joined("m2", call.code().toLowerCase()));
        HandlerHarness.deliver(joinThroughCall, "m3", joined("m3", null));
        HandlerHarness.deliver(joinThroughCall, "m4", joined("m4", "CLUJ-22222"));

        assertThat(joinsOf(call)).isEqualTo(2);
    }

    /** Two instances may get the same record during a rebalance, and different records at the same moment. */
    @Test
    void joinsAreExactWhenTwoInstancesHandleThemAtOnce() {
        CallToJoin call = launch("cluj-napoca");
        List<IncomingEvent> joins = IntStream.range(0, 20)
                .mapToObj(i -> HandlerHarness.sample(joinThroughCall, "m" + i, joined("m" + i, call.code())))
                .toList();

        CompletableFuture.allOf(joins.stream()
                .flatMap(event -> IntStream.range(0, 2).mapToObj(instance -> CompletableFuture
                        .runAsync(() -> HandlerHarness.redeliver(joinThroughCall, event))))
                .toArray(CompletableFuture[]::new)).join();

        assertThat(joinsOf(call)).isEqualTo(20);
    }

    @Test
    void registrationChecksThatTheCodeNamesAnOpenCallOfTheCity() {
        CallToJoin open = launch("cluj-napoca");
        CallToJoin closed = calls.insert(new CallToJoin(UUID.randomUUID().toString(), "CLUJ-" + suffix(),
                "cluj-napoca", "Closed", "Over", List.of(), clock.instant().minusSeconds(1), "someone",
                clock.instant().minus(Duration.ofDays(10)), 0, null, List.of()));

        assertThat(callsToJoin.requireOpen(open.code().toLowerCase(), "cluj-napoca")).isEqualTo(open.code());
        assertInvalidCallCode(() -> callsToJoin.requireOpen(closed.code(), "cluj-napoca"), "has closed");
        assertInvalidCallCode(() -> callsToJoin.requireOpen(open.code(), "malmo"), "another city");
        assertInvalidCallCode(() -> callsToJoin.requireOpen("CLUJ-22222", "cluj-napoca"), "is not the code");
        assertInvalidCallCode(() -> callsToJoin.requireOpen("{\"$gt\":\"\"}", "cluj-napoca"), "is not the code");
        assertInvalidCallCode(() -> callsToJoin.requireOpen(null, "cluj-napoca"), "is not the code");
        assertThat(callsToJoin.callsOf("cluj-napoca")).filteredOn(call -> call.code().equals(closed.code()))
                .singleElement().satisfies(call -> assertThat(call.open()).isFalse());
    }

    @Test
    void anErasedLaunchersCallsStayWithTheCityWithoutThem() {
        Caller launcher = new Caller(UUID.randomUUID().toString(), Set.of(GlobalRole.MEMBER),
                Set.of(new CityGrant(CityRole.TRANSITION_TEAM, "malmo")));
        CallToJoin call = service.launch(request("malmo"), launcher);
        assertThat(callsToJoin.launchedBy(launcher.memberId())).singleElement()
                .satisfies(launched -> assertThat(launched.code()).isEqualTo(call.code()));

        IncomingEvent erased = HandlerHarness.deliver(launcherErased, launcher.memberId(),
                new MemberErased(launcher.memberId(), "malmo", Instant.now()));
        HandlerHarness.redeliver(launcherErased, erased);

        assertThat(callsToJoin.launchedBy(launcher.memberId())).isEmpty();
        CallToJoin after = calls.findById(call.id()).orElseThrow();
        assertThat(after.launchedBy()).isNull();
        assertThat(after.title()).isEqualTo(call.title());
    }

    @Test
    void aCodeAlreadyTakenIsDrawnAgain() {
        CallToJoin taken = launch("cluj-napoca");
        String fresh = "CLUJ-" + suffix();
        Deque<String> draws = new ArrayDeque<>(List.of(taken.code(), taken.code(), fresh));
        var scripted = new CallService(calls, mongo, cities, events, new CallCodes() {
            @Override
            String next(String city) {
                return draws.pop();
            }
        }, clock);

        CallToJoin call = scripted.launch(request("cluj-napoca"), new Caller("admin", Set.of(GlobalRole.ADMIN),
                Set.of()));

        assertThat(call.code()).isEqualTo(fresh);
        assertThat(draws).isEmpty();
        assertThat(calls.findByCode(taken.code()).orElseThrow().id()).isEqualTo(taken.id());
    }

    private CallToJoin launch(String city) {
        return service.launch(request(city), new Caller(UUID.randomUUID().toString(), Set.of(GlobalRole.MEMBER),
                Set.of(new CityGrant(CityRole.TRANSITION_TEAM, city))));
    }

    private static CallRequest request(String city) {
        return new CallRequest(city, "Join the mission", "Come along", List.of("energy"),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(30));
    }

    private long joinsOf(CallToJoin call) {
        return calls.findById(call.id()).orElseThrow().joins();
    }

    private static MemberJoined joined(String memberId, String callCode) {
        return new MemberJoined(memberId, "Ana", "cluj-napoca", List.of("ro"), List.of(), "Europe/Bucharest",
                callCode, null, false, Instant.now());
    }

    /** Five characters of the code alphabet no other test draws. */
    private static String suffix() {
        return new CallCodes().next("x").substring(2);
    }

    private static void assertInvalidCallCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(400);
            assertThat(problem.getBody().getProperties()).extractingByKey("errors")
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement()
                    .satisfies(error -> {
                        assertThat(((ApiProblem.FieldError) error).field()).isEqualTo("callCode");
                        assertThat(((ApiProblem.FieldError) error).message()).contains(message);
                    });
        });
    }

    private void register(String city, String callCode) throws Exception {
        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON).content("""
                {"email":"%s@example.org","password":"correct horse battery","displayName":"Ana Pop","city":"%s",
                 "languages":["sv"],%s%s}""".formatted(UUID.randomUUID(), city, CommunityApi.consent(http),
                callCode == null ? "" : ",\"callCode\":\"" + callCode + "\"")))
                .andExpect(status().isCreated());
    }
}
