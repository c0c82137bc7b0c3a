package org.netzerocities.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.EventBackboneProperties;
import org.netzerocities.notification.NotificationApplication;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import com.jayway.jsonpath.JsonPath;

/**
 * Two instances of the service on one broker and one database: this test's context (A) and a second application
 * started on a port of its own (B), called over real HTTP. B's writer is stopped, so what B's member receives was
 * written by A and reached B through B's own consumer of the live topic.
 */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class LiveTwoInstancesTest extends ConsumingServiceTest {

    private static ConfigurableApplicationContext instanceB;

    @Autowired
    Deliveries deliveries;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    MongoConnectionDetails mongoConnection;
    @Autowired
    EventBackboneProperties backbone;

    private final String memberId = UUID.randomUUID().toString();

    @BeforeEach
    void startInstanceB() throws Exception {
        if (instanceB != null) {
            return;
        }
        // arguments, which win over the application's configuration, as they would for a second deployed instance
        instanceB = new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + String.join(",", kafkaConnection.getBootstrapServers()),
                "--spring.mongodb.uri=" + mongoConnection.getConnectionString().getConnectionString(),
                "--spring.main.banner-mode=off",
                "--management.health.mongo.enabled=false",
                "--nzc.notifications.live.heartbeat=200ms");
        var listeners = instanceB.getBean(KafkaListenerEndpointRegistry.class);
        listeners.getListenerContainer("notification-writer").stop();
        // the live consumer starts at the latest offset: what is written before it has its partitions is not pushed
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(LiveFanOut.LISTENER_ID),
                backbone.getTopics().getPartitions());
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aMemberConnectedToOneInstanceWithATicketFromTheOtherReceivesWhatTheOtherWrote() throws Exception {
        String ticket = JsonPath.read(http.perform(post("/api/notifications/stream-tickets").with(asMember(memberId)))
                .andReturn().getResponse().getContentAsString(), "$.ticket");

        try (HttpEventStream stream = new HttpEventStream(streamOfB("?ticket=" + ticket), Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            await().atMost(CONSUMED_WITHIN).until(() -> stream.received().comments().contains("connected"));
            NotificationDraft draft = draft("Written by A");

            deliveries.send(List.of(draft));

            SseEvents received = await().atMost(CONSUMED_WITHIN).until(stream::received,
                    events -> !events.events().isEmpty());
            assertThat(received.events()).singleElement().satisfies(event -> {
                assertThat(JsonPath.<String>read(event.data(), "$.id")).isEqualTo(draft.id());
                assertThat(event.seq()).isEqualTo(storedSeq(draft.id()));
            });
            await().atMost(CONSUMED_WITHIN).until(() -> stream.received().comments().contains("heartbeat"));
        }
        // the ticket was redeemed at B: A refuses it too
        http.perform(get("/api/notifications/stream").param("ticket", ticket))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aStreamResumedOnTheOtherInstanceGetsExactlyWhatWasMissed() throws Exception {
        NotificationDraft seen = draft("Seen on A");
        deliveries.send(List.of(seen));
        await().atMost(CONSUMED_WITHIN).until(() -> storedSeq(seen.id()) != null);
        long lastEventId = storedSeq(seen.id());
        NotificationDraft missed = draft("Missed while away");
        deliveries.send(List.of(missed));
        await().atMost(CONSUMED_WITHIN).until(() -> storedSeq(missed.id()) != null);
        String ticket = JsonPath.read(http.perform(post("/api/notifications/stream-tickets").with(asMember(memberId)))
                .andReturn().getResponse().getContentAsString(), "$.ticket");

        try (HttpEventStream stream = new HttpEventStream(streamOfB("?ticket=" + ticket),
                Map.of("Last-Event-ID", Long.toString(lastEventId)))) {
            SseEvents received = await().atMost(CONSUMED_WITHIN).until(stream::received,
                    events -> !events.events().isEmpty());
            assertThat(received.seqs()).containsExactly(storedSeq(missed.id()));
        }
    }

    private URI streamOfB(String query) {
        return URI.create("http://localhost:" + instanceB.getEnvironment().getProperty("local.server.port")
                + "/api/notifications/stream" + query);
    }

    private Long storedSeq(String notificationId) {
        var stored = mongo.findOne(Query.query(Criteria.where("_id").is(notificationId)), org.bson.Document.class,
                "notifications");
        return stored == null ? null : stored.getLong("seq");
    }

    private NotificationDraft draft(String threadTitle) {
        return new NotificationDraft(NotificationDraft.idFor(UUID.randomUUID().toString(), memberId), memberId,
                Kind.MENTION, Map.of("threadTitle", threadTitle), "/community/threads/t-1", UUID.randomUUID().toString(),
                Instant.now());
    }
}
