package org.netzerocities.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;

import com.mongodb.client.MongoClients;

/** Notifications past their retention go: by MongoDB's TTL index, and by the purge where nothing expires them. */
class InboxRetentionTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "notification-retention-" + UUID.randomUUID());
    private final Instant now = Instant.parse("2026-11-29T05:00:00Z");

    @Test
    void thePurgeRemovesWhatIsPastItsRetentionAndKeepsTheRest() {
        Notification expired = stored(now.minusSeconds(1));
        Notification kept = stored(now.plus(Duration.ofDays(1)));

        long removed = InboxRetention.purge(mongo, Clock.fixed(now, ZoneOffset.UTC));

        assertThat(removed).isEqualTo(1);
        assertThat(mongo.findById(expired.id(), Notification.class)).isNull();
        assertThat(mongo.findById(kept.id(), Notification.class)).isNotNull();
        assertThat(InboxRetention.purge(mongo, Clock.fixed(now, ZoneOffset.UTC))).isZero();
    }

    @Test
    void onMongoDbATtlIndexExpiresEachNotificationAtItsExpiresAt() {
        var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());

        assertThat(resolver.resolveIndexFor(Notification.class)).map(IndexDefinition::getIndexOptions)
                .anySatisfy(options -> {
                    assertThat(options.get("expireAfterSeconds")).isEqualTo(0L);
                    assertThat(options.get("name")).isEqualTo("retention");
                });
        assertThat(resolver.resolveIndexFor(Notification.class)).map(IndexDefinition::getIndexKeys)
                .anySatisfy(keys -> assertThat(keys.keySet()).containsExactly("expiresAt"));
    }

    private Notification stored(Instant expiresAt) {
        String memberId = UUID.randomUUID().toString();
        Notification notification = new Notification(UUID.randomUUID() + "~" + memberId, memberId, 1, Kind.WELCOME,
                Category.COMMUNITY, false, "t", "b", null, Map.of(), "e", expiresAt.minus(Duration.ofDays(180)),
                null, true, null, expiresAt);
        return mongo.insert(notification);
    }
}
