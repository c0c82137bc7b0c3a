package org.netzerocities.notification.inbox;

import org.netzerocities.testsupport.ConsumingServiceTest;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventListeners;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** MemberJoined from the real broker to the member's inbox, exactly once. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class WelcomeNotificationTest extends ConsumingServiceTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MemberContactRepository contacts;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaConnectionDetails kafkaConnection;

    @Test
    void joinedMemberFindsAWelcomeInTheirInboxAndCanMarkItRead() throws Exception {
        String memberId = UUID.randomUUID().toString();
        PendingEvent joined = memberJoined(memberId);
        send(joined);
        String welcome = NotificationDraft.idFor(joined.eventId(), memberId);

        await().atMost(CONSUMED_WITHIN).until(() -> StoredNotifications.exists(mongo, welcome));

        http.perform(get("/api/notifications").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.items[0].kind").value("WELCOME"))
                .andExpect(jsonPath("$.items[0].category").value("COMMUNITY"))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andExpect(jsonPath("$.items[0].body").value(org.hamcrest.Matchers.containsString("manifesto")));
        // MemberJoined carries no contact data: the email comes from the internal contact topic
        assertThat(contacts.findById(memberId)).get().satisfies(contact -> {
            assertThat(contact.displayName()).isNotBlank();
            assertThat(contact.city()).isEqualTo("cluj-napoca");
            assertThat(contact.email()).isNull();
        });

        http.perform(post("/api/notifications/{id}/read", welcome).with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true));
        http.perform(get("/api/notifications").param("unread", "true").with(asMember(memberId)))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void oneListenerServesEachTopicForAllOfItsHandlers() {
        assertThat(listeners.getListenerContainers())
                .filteredOn(container -> container.getListenerId().startsWith(EventListeners.ID_PREFIX))
                .extracting(container -> List.of(container.getContainerProperties().getTopics()))
                .containsExactlyInAnyOrder(List.of(EventCatalog.COMMUNITY_MEMBERS_TOPIC),
                        List.of(EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC),
                        List.of(EventCatalog.COMMUNITY_THREADS_TOPIC));
    }

    @Test
    void replayedEventIsRecognisedAndLeavesTheOneWelcomeAsTheMemberLeftIt() throws Exception {
        String memberId = UUID.randomUUID().toString();
        PendingEvent joined = memberJoined(memberId);
        send(joined);
        String welcome = NotificationDraft.idFor(joined.eventId(), memberId);
        await().atMost(CONSUMED_WITHIN).until(() -> StoredNotifications.exists(mongo, welcome));
        http.perform(post("/api/notifications/{id}/read", welcome).with(asMember(memberId)))
                .andExpect(status().isOk());
        double duplicatesBefore = duplicates(EventCatalog.MEMBER_JOINED.type());

        send(joined);
        send(joined);
        String laterMember = UUID.randomUUID().toString();
        send(memberJoined(laterMember));
        await().atMost(CONSUMED_WITHIN).until(() -> !StoredNotifications.of(mongo, laterMember).isEmpty()
                && duplicates(EventCatalog.MEMBER_JOINED.type()) - duplicatesBefore >= 2);

        assertThat(duplicates(EventCatalog.MEMBER_JOINED.type()) - duplicatesBefore).isEqualTo(2);
        assertThat(StoredNotifications.of(mongo, memberId))
                .singleElement().satisfies(stored -> assertThat(stored.readAt()).isNotNull());
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String poisonKey = "poison-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(EventCatalog.COMMUNITY_MEMBERS_TOPIC, poisonKey, "{not json"));
        PendingEvent badBody = new PendingEvent(UUID.randomUUID().toString(), EventCatalog.MEMBER_JOINED.type(),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, poisonKey, "/test", Instant.now(), "[1,2,3]");
        send(badBody);
        String memberId = UUID.randomUUID().toString();

        PendingEvent violatesSchema = new PendingEvent(UUID.randomUUID().toString(), EventCatalog.MEMBER_JOINED.type(),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, poisonKey, "/test", Instant.now(), "{\"displayName\": \"no id\"}");
        send(violatesSchema);
        send(memberJoined(memberId));

        await().atMost(Duration.ofSeconds(30)).until(() -> !StoredNotifications.of(mongo, memberId).isEmpty());
        var deadLetters = TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC + ".DLT", r -> poisonKey.equals(r.key()), 3, Duration.ofSeconds(20));
        assertThat(deadLetters).hasSize(3);
        assertThat(TopicReader.header(deadLetters.get(0), "kafka_dlt-exception-cause-fqcn"))
                .isEqualTo("org.netzerocities.events.kafka.InvalidEventException");
    }

    @Test
    void inboxNeedsATokenAndShowsOnlyTheCallersOwnNotifications() throws Exception {
        String owner = UUID.randomUUID().toString();
        PendingEvent joined = memberJoined(owner);
        send(joined);
        String welcome = NotificationDraft.idFor(joined.eventId(), owner);
        await().atMost(CONSUMED_WITHIN).until(() -> StoredNotifications.exists(mongo, welcome));

        http.perform(get("/api/notifications"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(get("/api/notifications").with(asMember("someone-else")))
                .andExpect(jsonPath("$.total").value(0));
        http.perform(post("/api/notifications/{id}/read", welcome).with(asMember("someone-else")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(get("/api/notifications").param("size", "0").with(asMember(owner)))
                .andExpect(status().isBadRequest());
    }

    private PendingEvent memberJoined(String memberId) {
        return TestEvents.memberJoined(codec, memberId, "cluj-napoca", List.of("ro"));
    }
}
