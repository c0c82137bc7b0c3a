package org.netzerocities.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.notification.preference.EmailUnsubscribe;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * The digest run against the real broker and database: notifications written as the writer stores them, digests
 * read back from the email topic as the email sender receives them.
 */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class DigestRunTest extends ConsumingServiceTest {

    /** How long a test waits to see that no further email comes: the emails were acknowledged before run returned. */
    private static final Duration NONE_MORE_WITHIN = Duration.ofSeconds(3);

    @Autowired
    DigestRun digests;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper json;
    @Autowired
    Deliveries deliveries;
    @Autowired
    EmailUnsubscribe unsubscribe;

    /** Now, at whole seconds (as stored), and its hour of day in UTC. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final int utcHour = now.atOffset(ZoneOffset.UTC).getHour();

    @Test
    void aDueMemberGetsOneDigestOfTheirUnreadNotificationsNewestFirstAndTheyAreMarked() throws Exception {
        String member = memberAtLocalHour(12);
        notification("old", member, 3, false);
        notification("newest", member, 1, false);
        notification("seen", member, 2, true);

        digests.run(now);
        digests.run(now.plusSeconds(60));

        List<ConsumerRecord<String, String>> emails = emailsOf(member, 2);
        assertThat(emails).hasSize(1);
        EmailRequest digest = json.readValue(emails.get(0).value(), EmailRequest.class);
        assertThat(digest.id()).isEqualTo("digest~" + member + "~" + now.atOffset(offset(12)).toLocalDate());
        assertThat(digest.kind()).isEqualTo(Kind.DIGEST);
        assertThat(digest.entries()).extracting(EmailRequest.DigestEntry::notificationId)
                .containsExactly("newest~" + member, "old~" + member);
        assertThat(digest.entries().get(0).title()).isEqualTo("title newest");
        assertThat(digestState("newest", member)).isEqualTo("SENT");
        assertThat(digestState("old", member)).isEqualTo("SENT");
        assertThat(digestState("seen", member)).isEqualTo("SKIPPED");
    }

    @Test
    void aMemberWhoReadEverythingGetsNoEmail() throws Exception {
        String member = memberAtLocalHour(12);
        notification("seen", member, 1, true);

        digests.run(now);

        assertThat(digestState("seen", member)).isEqualTo("SKIPPED");
        assertThat(emailsOf(member, 1)).isEmpty();
    }

    @Test
    void aMemberWhoUnsubscribedFromTheDigestGetsNoEmailAndTheirItemsAreSkipped() throws Exception {
        String member = memberAtLocalHour(12);
        notification("unwanted", member, 1, false);
        unsubscribe.unsubscribe(member, Kind.DIGEST.category());

        digests.run(now);

        assertThat(digestState("unwanted", member)).isEqualTo("SKIPPED");
        assertThat(emailsOf(member, 1)).isEmpty();
    }

    @Test
    void aMemberForWhomItIsNotYetEightIsLeftForLater() throws Exception {
        String member = memberAtLocalHour(7);
        notification("waiting", member, 1, false);

        digests.run(now);

        assertThat(digestState("waiting", member)).isEqualTo("PENDING");
    }

    @Test
    void aNotificationArrivingAfterTodaysDigestWaitsForTomorrowsAndNothingIsSentTwice() throws Exception {
        String member = memberAtLocalHour(12);
        notification("first", member, 5, false);
        digests.run(now);
        notification("later", member, 0, false);

        digests.run(now.plusSeconds(60));
        assertThat(digestState("later", member)).isEqualTo("PENDING");

        digests.run(now.plus(Duration.ofDays(1)));
        List<ConsumerRecord<String, String>> emails = emailsOf(member, 3);
        assertThat(emails).hasSize(2);
        EmailRequest tomorrows = json.readValue(emails.get(1).value(), EmailRequest.class);
        assertThat(tomorrows.id()).endsWith("~" + now.plus(Duration.ofDays(1)).atOffset(offset(12)).toLocalDate());
        assertThat(tomorrows.entries()).extracting(EmailRequest.DigestEntry::notificationId)
                .containsExactly("later~" + member);
    }

    @Test
    void anErasedMembersDigestDateIsInTheirExportUntilTheErasureForgetsIt() throws Exception {
        String member = memberAtLocalHour(12);
        notification("seen", member, 1, true);
        digests.run(now);
        http.perform(get("/api/notifications/me/export").with(asMember(member)))
                .andExpect(jsonPath("$.digest.lastDigestDate").value(now.atOffset(offset(12)).toLocalDate().toString()));

        erase(member, "malmo");

        await().atMost(CONSUMED_WITHIN)
                .until(() -> mongo.findById(member, Document.class, DigestRun.DIGEST_MEMBERS) == null);
    }

    /** The writer's documents, as the run reads them: a member who wants community emails in the digest. */
    @Test
    void aNotificationTheWriterKeptForTheDigestArrivesInTheDigest() throws Exception {
        String member = memberAtLocalHour(12);
        http.perform(put("/api/notifications/preferences").with(asMember(member))
                .contentType(MediaType.APPLICATION_JSON).content(
                        "{\"categories\": {\"COMMUNITY\": {\"inApp\": false, \"live\": false, \"email\": \"DAILY_DIGEST\"}}}"))
                .andExpect(status().isOk());
        String eventId = UUID.randomUUID().toString();
        deliveries.send(List.of(new NotificationDraft(NotificationDraft.idFor(eventId, member), member, Kind.MENTION,
                Map.of("author", "Ana", "thread", "Heat pumps"), "/community/threads/t-1", eventId, now)));
        String id = NotificationDraft.idFor(eventId, member);
        await().atMost(CONSUMED_WITHIN).until(() -> mongo.findById(id, Document.class, DigestRun.NOTIFICATIONS) != null);

        digests.run(Instant.now());

        EmailRequest digest = json.readValue(emailsOf(member, 1).get(0).value(), EmailRequest.class);
        assertThat(digest.entries()).extracting(EmailRequest.DigestEntry::notificationId).containsExactly(id);
        assertThat(digest.entries().get(0).title()).isNotBlank();
        assertThat(mongo.findById(id, Document.class, DigestRun.NOTIFICATIONS).getString("digest")).isEqualTo("SENT");
    }

    /** A fresh member whose clock shows {@code hour} now. */
    private String memberAtLocalHour(int hour) {
        String member = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", member).append("timeZone", offset(hour).getId()), DigestRun.CONTACTS);
        return member;
    }

    private ZoneOffset offset(int localHour) {
        int hours = localHour - utcHour;
        return ZoneOffset.ofHours(hours < -12 ? hours + 24 : hours > 14 ? hours - 24 : hours);
    }

    /** As the writer stores one for the digest, {@code minutesAgo} before now. */
    private void notification(String name, String member, int minutesAgo, boolean read) {
        Instant createdAt = now.minus(Duration.ofMinutes(minutesAgo));
        mongo.insert(new Document("_id", name + "~" + member).append("memberId", member).append("seq", 1L)
                .append("kind", Kind.MENTION.name()).append("category", "COMMUNITY").append("critical", false)
                .append("title", "title " + name).append("body", "body " + name).append("link", "/community/" + name)
                .append("params", Map.of()).append("sourceEventId", name).append("createdAt", Date.from(createdAt))
                .append("readAt", read ? Date.from(now) : null).append("inApp", true).append("digest", "PENDING")
                .append("expiresAt", Date.from(createdAt.plus(Duration.ofDays(180)))), DigestRun.NOTIFICATIONS);
    }

    private String digestState(String name, String member) {
        return mongo.findById(name + "~" + member, Document.class, DigestRun.NOTIFICATIONS).getString("digest");
    }

    /**
     * The member's emails on the topic, read until there are {@code atMost} (one more than the test expects, to see
     * that no other came) or for a short while.
     */
    private List<ConsumerRecord<String, String>> emailsOf(String member, int atMost) {
        return TopicReader.read(SharedInfrastructure.kafka().getBrokersAsString(), NotificationTopics.EMAILS,
                record -> member.equals(record.key()), atMost, NONE_MORE_WITHIN);
    }
}
