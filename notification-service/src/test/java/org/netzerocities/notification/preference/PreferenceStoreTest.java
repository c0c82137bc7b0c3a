package org.netzerocities.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The store on the shared database: what members chose, the defaults for the rest, one-click unsubscribes. */
class PreferenceStoreTest {

    private static final MongoClient client = MongoClients.create(SharedInfrastructure.mongoUri());
    private static final MongoTemplate mongo = new MongoTemplate(client, "preference-store-test");

    private final RefusedMembers refused = new RefusedMembers(mongo, Duration.ofSeconds(1));
    private final PreferenceStore store = new PreferenceStore(mongo, refused, Clock.systemUTC());
    private final String memberId = UUID.randomUUID().toString();

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aMemberWhoNeverChoseAnythingHasTheDefaults() {
        assertThat(store.of(memberId)).isEqualTo(NotificationPreferences.DEFAULTS);
        assertThat(store.stored(memberId)).isEmpty();
    }

    @Test
    void unsubscribingBeforeAnyChoiceTurnsOffThatCategorysEmailAndKeepsTheDefaultsOfTheRest() {
        store.unsubscribe(memberId, Category.EVENTS);

        NotificationPreferences preferences = store.of(memberId);
        assertThat(preferences.of(Category.EVENTS)).isEqualTo(new ChannelChoice(true, true, EmailChoice.OFF));
        for (Category other : List.of(Category.COMMUNITY, Category.LEARNING, Category.CAMPAIGNS, Category.SYSTEM)) {
            assertThat(preferences.of(other)).isEqualTo(NotificationPreferences.DEFAULTS.of(other));
        }
    }

    @Test
    void unsubscribingKeepsEverythingElseTheMemberChose() {
        Map<Category, ChannelChoice> channels = new EnumMap<>(NotificationPreferences.DEFAULTS.channels());
        channels.put(Category.EVENTS, new ChannelChoice(false, true, EmailChoice.DAILY_DIGEST));
        channels.put(Category.LEARNING, new ChannelChoice(true, false, EmailChoice.DAILY_DIGEST));
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        store.save(memberId, new NotificationPreferences(channels, Set.of(), quiet));

        store.unsubscribe(memberId, Category.EVENTS);

        NotificationPreferences preferences = store.of(memberId);
        assertThat(preferences.of(Category.EVENTS)).isEqualTo(new ChannelChoice(false, true, EmailChoice.OFF));
        assertThat(preferences.of(Category.LEARNING))
                .isEqualTo(new ChannelChoice(true, false, EmailChoice.DAILY_DIGEST));
        assertThat(preferences.quietHours()).isEqualTo(quiet);
    }

    @Test
    void anUnsubscribeLinkOfAnErasedMemberStoresNothing() {
        refused.refuse(memberId, RefusedMembers.Reason.ERASED);

        store.unsubscribe(memberId, Category.EVENTS);

        assertThat(store.stored(memberId)).isEmpty();
    }

    @Test
    void aBatchReadGivesEveryMemberTheirOwnOrTheDefaults() {
        String other = UUID.randomUUID().toString();
        store.unsubscribe(memberId, Category.COMMUNITY);

        Map<String, NotificationPreferences> batch = store.of(List.of(memberId, other));

        assertThat(batch.get(memberId).of(Category.COMMUNITY).email()).isEqualTo(EmailChoice.OFF);
        assertThat(batch.get(other)).isEqualTo(NotificationPreferences.DEFAULTS);
    }

    @Test
    void forgettingAMemberRemovesTheirChoices() {
        store.unsubscribe(memberId, Category.COMMUNITY);

        store.forget(memberId);

        assertThat(store.stored(memberId)).isEmpty();
    }
}
