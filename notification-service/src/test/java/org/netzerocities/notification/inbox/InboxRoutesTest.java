package org.netzerocities.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.notification.inbox.Notification.DigestState;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The inbox routes on notifications written by the writer: listing, unread filter and count, marking read. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class InboxRoutesTest extends ConsumingServiceTest {

    @Autowired
    Deliveries deliveries;
    @Autowired
    MongoTemplate mongo;

    private final String memberId = UUID.randomUUID().toString();

    @Test
    void theInboxListsNewestFirstCountsUnreadAndMarksOneOrAllReadOfTheCallerOnly() throws Exception {
        List<String> ids = written(3);
        String digestOnly = digestOnlyNotification();

        http.perform(get("/api/notifications").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(ids.get(2), ids.get(1),
                        ids.get(0))));
        http.perform(get("/api/notifications").param("size", "2").param("page", "1").with(asMember(memberId)))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(ids.get(0))));
        unreadCountIs(3);

        http.perform(post("/api/notifications/{id}/read", ids.get(1)).with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true));
        String firstReadAt = mongo.findById(ids.get(1), Notification.class).readAt().toString();
        http.perform(post("/api/notifications/{id}/read", ids.get(1)).with(asMember(memberId)))
                .andExpect(jsonPath("$.readAt").value(firstReadAt));
        unreadCountIs(2);
        http.perform(get("/api/notifications").param("unread", "true").with(asMember(memberId)))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(ids.get(2), ids.get(0))));
        http.perform(get("/api/notifications").param("unread", "false").with(asMember(memberId)))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(ids.get(1))));

        // what the digest alone keeps is not in the inbox, and another member's notification is not found
        http.perform(post("/api/notifications/{id}/read", digestOnly).with(asMember(memberId)))
                .andExpect(status().isNotFound());
        String stranger = UUID.randomUUID().toString();
        http.perform(post("/api/notifications/{id}/read", ids.get(0)).with(asMember(stranger)))
                .andExpect(status().isNotFound());
        http.perform(post("/api/notifications/read-all").with(asMember(stranger)))
                .andExpect(jsonPath("$.marked").value(0));
        unreadCountIs(2);

        http.perform(post("/api/notifications/read-all").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(2));
        unreadCountIs(0);
        assertThat(mongo.findById(digestOnly, Notification.class).readAt()).isNull();
        assertThat(mongo.findById(ids.get(1), Notification.class).readAt().toString()).isEqualTo(firstReadAt);
    }

    private void unreadCountIs(long unread) throws Exception {
        http.perform(get("/api/notifications/unread-count").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(unread));
    }

    /** Drafts through the writer; their ids in the order written. */
    private List<String> written(int count) {
        List<NotificationDraft> drafts = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> InboxWriterTest.draft(memberId, Kind.MENTION, Map.of("threadTitle", "Thread " + i)))
                .toList();
        drafts.forEach(draft -> deliveries.send(List.of(draft)));
        await().atMost(CONSUMED_WITHIN).until(() -> StoredNotifications.of(mongo, memberId).size() == count);
        return StoredNotifications.of(mongo, memberId).stream().sorted(Comparator.comparingLong(Notification::seq))
                .map(Notification::id).toList();
    }

    private String digestOnlyNotification() {
        Instant now = Instant.now();
        Notification kept = new Notification(UUID.randomUUID() + "~" + memberId, memberId, Long.MAX_VALUE - 1,
                Kind.MENTION, Category.COMMUNITY, false, "t", "b", null, Map.of(), "e", now, null, false,
                DigestState.PENDING, now.plusSeconds(3600));
        mongo.insert(kept);
        return kept.id();
    }
}
