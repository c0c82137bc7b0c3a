package org.netzerocities.notification.contact;

import org.netzerocities.testsupport.ConsumingServiceTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The internal compacted contact topic, from the real broker into the recipient projection and out again. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ContactProjectionTest extends ConsumingServiceTest {

    @Autowired
    MemberContactRepository contacts;

    @Test
    void aContactArrivingBeforeTheMemberJoinedIsKeptAndATombstoneForgetsIt() {
        String memberId = UUID.randomUUID().toString();

        send(TestEvents.event(codec, EventCatalog.MEMBER_CONTACT_CHANGED, memberId,
                new MemberContactChanged(memberId, "ana@example.org", false, "ro", "Europe/Bucharest", "Ana")));
        await().atMost(CONSUMED_WITHIN).until(() -> contacts.existsById(memberId));
        join(memberId, "cluj-napoca", "ro");

        await().atMost(CONSUMED_WITHIN).until(() -> contacts.findById(memberId)
                .map(contact -> contact.city() != null).orElse(false));
        assertThat(contacts.findById(memberId)).get().satisfies(contact -> {
            assertThat(contact.email()).isEqualTo("ana@example.org");
            assertThat(contact.emailVerified()).isFalse();
            assertThat(contact.language()).isEqualTo("ro");
            assertThat(contact.city()).isEqualTo("cluj-napoca");
        });

        kafka.send(new ProducerRecord<>(EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC, memberId, null)).join();

        await().atMost(CONSUMED_WITHIN).until(() -> !contacts.existsById(memberId));
    }
}
