package org.netzerocities.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.notification.inbox.LocalPushGate;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** The live stream: what it sends, how it resumes without loss or repeat, who may open it. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class LiveStreamTest extends ConsumingServiceTest {

    private static final String STREAM = "/api/notifications/stream";

    @Autowired
    Deliveries deliveries;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StreamTickets tickets;
    @Autowired
    LocalPushGate localPushes;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final String memberId = UUID.randomUUID().toString();

    @Test
    void anOpenStreamReceivesEachNewNotificationWithItsSequenceNumberAsEventId() throws Exception {
        MvcResult stream = open(get(STREAM).with(asMember(memberId)));
        NotificationDraft draft = draft("Heat pumps");

        deliveries.send(List.of(draft));

        SseEvents received = awaitEvents(stream, 1);
        assertThat(received.events()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("notification");
            assertThat(JsonPath.<String>read(event.data(), "$.id")).isEqualTo(draft.id());
            assertThat(JsonPath.<String>read(event.data(), "$.title")).contains("Heat pumps");
            assertThat(JsonPath.<Number>read(event.data(), "$.seq").longValue()).isEqualTo(event.seq());
        });
        assertThat(received.comments()).contains("connected");
        assertThat(stream.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
        assertThat(stream.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aStreamResumedWithLastEventIdGetsExactlyWhatWasMissedThenTheNewOnes() throws Exception {
        List<Long> seqs = written(3);

        MvcResult byHeader = open(get(STREAM).with(asMember(memberId)).header("Last-Event-ID", seqs.get(0)));
        MvcResult byParameter = open(get(STREAM).with(asMember(memberId)).param("lastEventId", "" + seqs.get(1)));
        assertThat(awaitEvents(byHeader, 2).seqs()).containsExactly(seqs.get(1), seqs.get(2));
        assertThat(awaitEvents(byParameter, 1).seqs()).containsExactly(seqs.get(2));

        long next = written(1).get(0);
        assertThat(awaitEvents(byHeader, 3).seqs()).containsExactly(seqs.get(1), seqs.get(2), next);
        assertThat(awaitEvents(byParameter, 2).seqs()).containsExactly(seqs.get(2), next);
    }

    /** The writer hands what it stored to the streams open on its instance: the live topic's copy is not needed. */
    @Test
    void aStreamOpenOnTheWritingInstanceGetsItsNotificationsWithoutTheLiveTopic() throws Exception {
        MvcResult stream = open(get(STREAM).with(asMember(memberId)));
        deliveries.send(List.of(draft("Before")));
        awaitEvents(stream, 1);
        await().until(localPushes::open);
        var liveTopic = listeners.getListenerContainer(LiveFanOut.LISTENER_ID);
        liveTopic.stop();
        try {
            NotificationDraft draft = draft("Pushed here");
            deliveries.send(List.of(draft));

            assertThat(awaitEvents(stream, 2).events()).last()
                    .satisfies(event -> assertThat(JsonPath.<String>read(event.data(), "$.id")).isEqualTo(draft.id()));
        }
        finally {
            liveTopic.start();
        }
    }

    /** Notifications keep being written while the stream opens: each one after the last id comes once, in order. */
    @Test
    void resumingWhileNotificationsAreWrittenLosesAndRepeatsNone() throws Exception {
        long last = written(1).get(0);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 30; i++) {
                deliveries.send(List.of(draft("Thread " + i)));
            }
        });
        MvcResult stream = open(get(STREAM).with(asMember(memberId)).header("Last-Event-ID", last));
        writing.join();

        List<Long> stored = awaitStored(31).stream().filter(seq -> seq > last).toList();
        assertThat(awaitEvents(stream, 30).seqs()).containsExactlyElementsOf(stored);
    }

    @Test
    void aTicketOpensTheStreamOnceWithoutATokenAndNeverAgain() throws Exception {
        String ticket = ticket();

        MvcResult stream = open(get(STREAM).param("ticket", ticket));
        deliveries.send(List.of(draft("Solar")));
        assertThat(awaitEvents(stream, 1).events()).hasSize(1);

        refused(get(STREAM).param("ticket", ticket), 401);
    }

    @Test
    void ofTwoRedemptionsOfOneTicketAtTheSameMomentOnlyOneSucceeds() throws Exception {
        String ticket = ticket();
        var first = CompletableFuture.supplyAsync(() -> tickets.redeem(ticket));
        var second = CompletableFuture.supplyAsync(() -> tickets.redeem(ticket));

        assertThat(Stream.of(first.join(), second.join()).filter(java.util.Optional::isPresent)).hasSize(1);
    }

    @Test
    void anExpiredTicketIsRefused() throws Exception {
        String ticket = ticket();
        mongo.updateMulti(Query.query(Criteria.where("memberId").is(memberId)),
                new Update().set("expiresAt", Instant.now().minusSeconds(1)), StreamTickets.StoredTicket.class);

        refused(get(STREAM).param("ticket", ticket), 401);
    }

    @TestFactory
    Stream<DynamicTest> hostileRequestsAreRefusedWithAProblem() {
        return Stream.of(
                hostile("no token and no ticket", get(STREAM), 401),
                hostile("garbage token", get(STREAM).header("Authorization", "Bearer x.y.z"), 401),
                hostile("unknown ticket", get(STREAM).param("ticket", "A".repeat(43)), 401),
                hostile("operator as ticket", get(STREAM).param("ticket", "{\"$gt\":\"\"}"), 401),
                hostile("ticket[$ne]", get(STREAM).param("ticket[$ne]", "x"), 401),
                hostile("huge ticket", get(STREAM).param("ticket", "x".repeat(100_000)), 401),
                hostile("control characters in ticket", get(STREAM).param("ticket", "a\u0000b\u001f"), 401),
                hostile("last event id not a number", streamAfter("abc"), 400),
                hostile("negative last event id", streamAfter("-1"), 400),
                hostile("last event id beyond long", streamAfter("99999999999999999999"), 400),
                hostile("operator as last event id", streamAfter("{\"$gt\":\"\"}"), 400),
                hostile("huge last event id", streamAfter("9".repeat(100_000)), 400),
                hostile("lastEventId parameter not a number",
                        get(STREAM).with(asMember(memberId)).param("lastEventId", "1e3"), 400),
                hostile("ticket without a token", post("/api/notifications/stream-tickets"), 401),
                hostile("ticket with a garbage token",
                        post("/api/notifications/stream-tickets").header("Authorization", "Bearer x.y.z"), 401),
                hostile("ticket with GET", get("/api/notifications/stream-tickets").with(asMember(memberId)), 405));
    }

    private MockHttpServletRequestBuilder streamAfter(String lastEventId) {
        return get(STREAM).with(asMember(memberId)).header("Last-Event-ID", lastEventId);
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request, int status) {
        return DynamicTest.dynamicTest(name, () -> refused(request, status));
    }

    private void refused(MockHttpServletRequestBuilder request, int status) throws Exception {
        http.perform(request.accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String ticket() throws Exception {
        String body = http.perform(post("/api/notifications/stream-tickets").with(asMember(memberId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.expiresAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.ticket");
    }

    private MvcResult open(MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(request.accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andReturn();
    }

    private static SseEvents awaitEvents(MvcResult stream, int count) {
        return await().atMost(CONSUMED_WITHIN).until(
                () -> SseEvents.parse(stream.getResponse().getContentAsString()), events -> events.events()
                        .size() >= count);
    }

    /** Writes {@code count} notifications one after the other; their sequence numbers. */
    private List<Long> written(int count) {
        int before = awaitStored(0).size();
        LongStream.range(0, count).forEach(i -> deliveries.send(List.of(draft("Thread " + i))));
        return awaitStored(before + count).subList(before, before + count);
    }

    /** The member's sequence numbers once at least {@code count} are stored, in order. */
    private List<Long> awaitStored(int count) {
        return await().atMost(CONSUMED_WITHIN).until(() -> mongo.find(Query.query(Criteria.where("memberId")
                .is(memberId)), org.bson.Document.class, "notifications").stream().map(d -> d.getLong("seq"))
                .sorted(Comparator.naturalOrder()).collect(java.util.stream.Collectors.toCollection(ArrayList::new)),
                seqs -> seqs.size() >= count);
    }

    private NotificationDraft draft(String threadTitle) {
        return new NotificationDraft(NotificationDraft.idFor(UUID.randomUUID().toString(), memberId), memberId,
                Kind.MENTION, Map.of("threadTitle", threadTitle), "/community/threads/t-1", UUID.randomUUID().toString(),
                Instant.now());
    }
}
