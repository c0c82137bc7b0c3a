package org.netzerocities.notification;

import org.netzerocities.testsupport.ConsumingServiceTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberContactChanged;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** MemberErased from the real broker: nothing of the member stays here, and nothing comes back. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class MemberErasureTest extends ConsumingServiceTest {

    @Autowired
    MemberContactRepository contacts;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    List<EventHandler<MemberJoined>> joinedHandlers;
    @Autowired
    ObjectProvider<EventHandler<?>> handlers;
    @Autowired
    @Qualifier("refuseErasedMember")
    EventHandler<MemberErased> refuseErasedMember;

    /** The projections' guard against replays relies on it (see MemberProjection). */
    @Test
    void theErasureIsRecordedBeforeAnyHandlerRemovesWhatTheServiceHolds() {
        assertThat(handlers.orderedStream().filter(handler -> handler.type() == EventCatalog.MEMBER_ERASED).toList())
                .hasSizeGreaterThan(2).first().isSameAs(refuseErasedMember);
    }

    /**
     * A redelivery of the same MemberJoined is skipped by the processed-event marks before any handler runs; the
     * handlers would recreate nothing either (see the projection's handler test).
     */
    @Test
    void anErasedMembersContactAndInboxAreGoneTheirTokenRefusedAndARedeliveredJoinBringsNothingBack()
            throws Exception {
        String memberId = UUID.randomUUID().toString();
        Joined joined = join(memberId, "malmo", "sv");
        send(TestEvents.event(codec, EventCatalog.MEMBER_CONTACT_CHANGED, memberId,
                new MemberContactChanged(memberId, "ana@example.org", true, "sv", "Europe/Stockholm", "Ana")));
        await().atMost(CONSUMED_WITHIN).until(() -> inboxSize(memberId) == 1
                && contacts.findById(memberId).map(contact -> contact.email() != null).orElse(false));

        // another cached test context in the same consumer group may have received the event: like a second
        // instance, this one refuses the token at its next refresh
        assertErasureForgets(joined, this::holdsAnythingOf, "/api/notifications/me/export", Duration.ofSeconds(5));

        // a replay the processed-event marks no longer remember reaches the handlers: they recreate nothing
        MemberJoined replayed = new MemberJoined(memberId, "Ana", "malmo", List.of("sv"), List.of("energy"),
                "Europe/Stockholm", null, null, true, Instant.now());
        joinedHandlers.forEach(handler -> HandlerHarness.deliver(handler, memberId, replayed));
        assertThat(contacts.existsById(memberId)).isFalse();
        assertThat(inboxSize(memberId)).isZero();
    }

    private boolean holdsAnythingOf(String memberId) {
        return contacts.existsById(memberId) || inboxSize(memberId) > 0;
    }

    private long inboxSize(String memberId) {
        return mongo.getCollection("notifications").countDocuments(new Document("memberId", memberId));
    }

    @Test
    void aSuspendedMembersTokenIsRefusedInNotificationsUntilReinstated() throws Exception {
        assertSuspensionRefusesUntilReinstated(UUID.randomUUID().toString(), "/api/notifications/me/export",
                CONSUMED_WITHIN);
    }
}
