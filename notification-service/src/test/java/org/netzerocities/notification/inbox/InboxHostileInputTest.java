package org.netzerocities.notification.inbox;

import org.netzerocities.testsupport.ConsumingServiceTest;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.netzerocities.testsupport.MemberTokens.namingNoMember;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever a client asks of the inbox, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class InboxHostileInputTest extends ConsumingServiceTest {

    private static final String CALLER = "caller-" + UUID.randomUUID();

    @Autowired
    MongoTemplate mongo;

    @Test
    void aPageFarBeyondAnyInboxIsABadRequestNotADatabaseFailure() throws Exception {
        http.perform(inbox().param("page", String.valueOf(Integer.MAX_VALUE)).param("size", "100"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void anotherMembersNotificationIsNotFound() throws Exception {
        String owner = UUID.randomUUID().toString();
        String welcome = NotificationDraft.idFor(join(owner, "malmo", "sv").event().eventId(), owner);
        await().atMost(CONSUMED_WITHIN).until(() -> StoredNotifications.exists(mongo, welcome));

        http.perform(post("/api/notifications/{id}/read", welcome).with(asMember(CALLER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @TestFactory
    Stream<DynamicTest> inboxRefusesWhatItCannotUse() {
        return Stream.of(
                hostile("unread not a boolean", inbox().param("unread", "maybe")),
                hostile("page not a number", inbox().param("page", "abc")),
                hostile("page beyond int", inbox().param("page", "99999999999")),
                hostile("negative page", inbox().param("page", "-1")),
                hostile("page whose offset overflows an int", inbox().param("page", "21474837").param("size", "100")),
                hostile("size zero", inbox().param("size", "0")),
                hostile("size too large", inbox().param("size", "1000")),
                hostile("operator as notification id", markRead("{\"$gt\":\"\"}")),
                hostile("huge notification id", markRead("x".repeat(10_000))),
                hostile("encoded slash in notification id",
                        post("/api/notifications/a%2F..%2Fb/read").with(asMember(CALLER))),
                hostile("no token", get("/api/notifications")),
                hostile("no token to mark all read", post("/api/notifications/read-all")),
                hostile("no token to count", get("/api/notifications/unread-count")),
                hostile("garbage token to mark all read",
                        post("/api/notifications/read-all").header("Authorization", "Bearer x.y.z")),
                hostile("unknown notification id", markRead(UUID.randomUUID() + "~" + CALLER)),
                hostile("control characters in notification id", markRead("a\u0000b\u001f")),
                hostile("unread as an operator", inbox().param("unread[$ne]", "x").param("unread", "{\"$gt\":\"\"}")),
                hostile("garbage token", get("/api/notifications").header("Authorization", "Bearer x.y.z")),
                hostile("token naming no member",
                        get("/api/notifications").with(namingNoMember())));
    }

    private static MockHttpServletRequestBuilder markRead(String notificationId) {
        return post("/api/notifications/{id}/read", notificationId).with(asMember(CALLER));
    }

    private static MockHttpServletRequestBuilder inbox() {
        return get("/api/notifications").with(asMember(CALLER));
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }
}
