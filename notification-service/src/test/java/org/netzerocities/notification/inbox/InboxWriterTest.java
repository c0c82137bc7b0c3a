package org.netzerocities.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.json.JsonMapper;

/** Drafts through the real broker into the inbox, the live topic and the email topic: once, in order, in the member's language. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class InboxWriterTest extends ConsumingServiceTest {

    @Autowired
    Deliveries deliveries;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MemberContactRepository contacts;
    @Autowired
    RefusedMembers refused;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    JsonMapper json;

    @Test
    void draftsAreStoredOnceInTheMembersLanguageWithGrowingSequenceNumbersAndPushedAndEmailedOnce() {
        String memberId = UUID.randomUUID().toString();
        send(TestEvents.event(codec, EventCatalog.MEMBER_CONTACT_CHANGED, memberId,
                new MemberContactChanged(memberId, memberId + "@example.org", true, "eo", "Europe/Paris", "Ana")));
        await().atMost(CONSUMED_WITHIN).until(() -> contacts.existsById(memberId));
        List<NotificationDraft> drafts = List.of(draft(memberId, Kind.WELCOME, Map.of("displayName", "Ana")),
                draft(memberId, Kind.MENTION, Map.of("threadTitle", "Heat pumps")),
                draft(memberId, Kind.MENTION, Map.of("threadTitle", "Bike lanes")));

        deliveries.send(drafts);
        deliveries.send(drafts);

        await().atMost(CONSUMED_WITHIN).until(() -> StoredNotifications.of(mongo, memberId).size() == 3);
        List<Notification> stored = StoredNotifications.of(mongo, memberId).stream()
                .sorted(java.util.Comparator.comparingLong(Notification::seq)).toList();
        assertThat(stored).extracting(Notification::id).containsExactly(drafts.get(0).id(), drafts.get(1).id(),
                drafts.get(2).id());
        assertThat(stored.get(0).title()).isEqualTo("Bonvenon al NetZeroCommunities");
        assertThat(stored.get(0).body()).isEqualTo("Bonvenon, Ana!");
        assertThat(stored.get(2).title()).isEqualTo("You were mentioned in “Bike lanes”");
        assertThat(stored.get(0)).satisfies(welcome -> {
            assertThat(welcome.inApp()).isTrue();
            assertThat(welcome.digest()).isNull();
            assertThat(welcome.category()).isEqualTo(Kind.WELCOME.category());
            assertThat(welcome.expiresAt()).isEqualTo(welcome.createdAt().plus(Duration.ofDays(180)));
        });

        List<ConsumerRecord<String, String>> live = read(NotificationTopics.LIVE, memberId, 4);
        assertThat(live).hasSize(3).extracting(r -> json.readValue(r.value(), LiveNotification.class).notification())
                .extracting(NotificationView::seq).containsExactly(stored.get(0).seq(), stored.get(1).seq(),
                        stored.get(2).seq());
        List<EmailRequest> emails = read(NotificationTopics.EMAILS, memberId, 3).stream()
                .map(r -> json.readValue(r.value(), EmailRequest.class)).toList();
        assertThat(emails).extracting(EmailRequest::id).containsOnly(drafts.get(0).id(), drafts.get(1).id(),
                drafts.get(2).id());
    }

    @Test
    void anErasedMemberGetsNothingAndTheOthersOfTheBatchTheirs() {
        String erased = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        refused.refuse(erased, RefusedMembers.Reason.ERASED);

        deliveries.send(List.of(draft(erased, Kind.WELCOME, Map.of("displayName", "Ana")),
                draft(other, Kind.WELCOME, Map.of("displayName", "Ben"))));

        await().atMost(CONSUMED_WITHIN).until(() -> !StoredNotifications.of(mongo, other).isEmpty());
        assertThat(StoredNotifications.of(mongo, erased)).isEmpty();
        assertThat(read(NotificationTopics.EMAILS, erased, 1)).isEmpty();
    }

    private List<ConsumerRecord<String, String>> read(String topic, String memberId, int atMost) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()), topic,
                r -> memberId.equals(r.key()), atMost, Duration.ofSeconds(3));
    }

    static NotificationDraft draft(String memberId, Kind kind, Map<String, String> params) {
        return new NotificationDraft(NotificationDraft.idFor(UUID.randomUUID().toString(), memberId), memberId, kind,
                params, "/onboarding", UUID.randomUUID().toString(), Instant.now());
    }
}
