package org.netzerocities.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** A run over more members than one chunk, on a database of its own: every member once, whole, in order. */
class DigestChunksTest {

    private static final MongoClient client = MongoClients.create(SharedInfrastructure.mongoUri());
    private static final MongoTemplate mongo = new MongoTemplate(client, "digest-chunks-test");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void eachMemberGetsOneDigestWithAllTheirNotificationsWhateverTheChunks() throws Exception {
        mongo.getDb().drop();
        for (int member = 0; member < 7; member++) {
            for (int n = 0; n < member % 3 + 1; n++) {
                Instant createdAt = NOW.minus(Duration.ofMinutes(10L * n + 1));
                mongo.insert(new Document("_id", "n" + n + "~m" + member).append("memberId", "m" + member)
                        .append("kind", Kind.MENTION.name()).append("title", "t").append("body", "b")
                        .append("createdAt", Date.from(createdAt)).append("readAt", null)
                        .append("digest", "PENDING"), DigestRun.NOTIFICATIONS);
            }
        }
        List<List<EmailRequest>> handOvers = new ArrayList<>();
        DigestRun run = new DigestRun(mongo, new DigestProperties(Duration.ofMinutes(5), LocalTime.of(8, 0), 100, 3),
                handOvers::add, Set::of);

        DigestRun.Outcome outcome = run.run(NOW);

        assertThat(handOvers).extracting(List::size).containsExactly(3, 3, 1);
        List<EmailRequest> digests = handOvers.stream().flatMap(List::stream).toList();
        assertThat(digests).extracting(EmailRequest::memberId).containsExactly("m0", "m1", "m2", "m3", "m4", "m5",
                "m6");
        assertThat(digests).allSatisfy(digest -> assertThat(digest.entries()).hasSize(
                Integer.parseInt(digest.memberId().substring(1)) % 3 + 1));
        assertThat(digests.get(2).entries()).extracting(EmailRequest.DigestEntry::notificationId)
                .containsExactly("n0~m2", "n1~m2", "n2~m2");
        assertThat(outcome.notifications()).isEqualTo(1 + 2 + 3 + 1 + 2 + 3 + 1);
        assertThat(mongo.getCollection(DigestRun.NOTIFICATIONS).countDocuments(new Document("digest", "SENT")))
                .isEqualTo(13);
        assertThat(mongo.getCollection(DigestRun.DIGEST_MEMBERS).countDocuments()).isEqualTo(7);
    }
}
