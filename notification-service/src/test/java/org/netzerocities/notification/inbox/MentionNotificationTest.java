package org.netzerocities.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** MemberMentioned from the real broker to the mentioned member's inbox, once per post. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class MentionNotificationTest extends ConsumingServiceTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    RefusedMembers refused;

    @Test
    void mentionedMemberFindsTheMentionLeadingToThePostOnceEvenWhenTheEventIsReplayed() throws Exception {
        String memberId = UUID.randomUUID().toString();
        String postId = UUID.randomUUID().toString();
        PendingEvent mentioned = mention(postId, memberId);
        send(mentioned);
        send(mentioned);
        String laterPost = UUID.randomUUID().toString();
        PendingEvent later = mention(laterPost, memberId);
        send(later);

        await().atMost(CONSUMED_WITHIN).until(() -> StoredNotifications.exists(mongo,
                NotificationDraft.idFor(later.eventId(), memberId)));
        assertThat(StoredNotifications.of(mongo, memberId)).hasSize(2);
        http.perform(get("/api/notifications").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].kind").value("MENTION"))
                .andExpect(jsonPath("$.items[1].title").value("You were mentioned in “Solar on school roofs”"))
                .andExpect(jsonPath("$.items[1].link").value(
                        org.hamcrest.Matchers.endsWith("?post=" + postId)));
    }

    @Test
    void mentionOfAnErasedMemberLeavesNothing() {
        String memberId = UUID.randomUUID().toString();
        erase(memberId, "cluj-napoca");
        await().atMost(CONSUMED_WITHIN).until(() -> refused.wasErased(memberId));
        String postId = UUID.randomUUID().toString();
        send(mention(postId, memberId));
        String other = UUID.randomUUID().toString();
        send(mention(postId, other));

        await().atMost(CONSUMED_WITHIN).until(() -> !StoredNotifications.of(mongo, other).isEmpty());
        assertThat(StoredNotifications.of(mongo, memberId)).isEmpty();
    }

    private PendingEvent mention(String postId, String memberId) {
        String threadId = "thread-" + postId;
        return TestEvents.event(codec, EventCatalog.MEMBER_MENTIONED, threadId, new MemberMentioned(postId, threadId,
                "Solar on school roofs", "group-1", UUID.randomUUID().toString(), memberId));
    }
}
