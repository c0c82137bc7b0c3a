package org.netzerocities.notification.preference;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Members' preferences in {@value #COLLECTION}, one document per member, {@code _id} the member id:
 * {@code channels.<CATEGORY>.{inApp, live, email}}, {@code optIns.<KIND>}, {@code quietHours.{start, end}}
 * ("HH:mm"). A member who never chose anything has no document; a field that is missing (an unsubscribe link
 * clicked before any choice writes only its category's email switch) takes the platform's default.
 */
@Component
class PreferenceStore implements EmailUnsubscribe, DigestOptOuts {

    static final String COLLECTION = "notification_preferences";
    private static final Logger log = LoggerFactory.getLogger(PreferenceStore.class);

    private final MongoTemplate mongo;
    private final RefusedMembers refused;
    private final Clock clock;

    PreferenceStore(MongoTemplate mongo, RefusedMembers refused, Clock clock) {
        this.mongo = mongo;
        this.refused = refused;
        this.clock = clock;
    }

    NotificationPreferences of(String memberId) {
        return stored(memberId).orElse(NotificationPreferences.DEFAULTS);
    }

    /** One read for a batch; members without a document get the defaults. */
    Map<String, NotificationPreferences> of(Collection<String> memberIds) {
        Map<String, NotificationPreferences> preferences = new HashMap<>();
        for (Document stored : mongo.find(Query.query(Criteria.where("_id").in(Set.copyOf(memberIds))),
                Document.class, COLLECTION)) {
            preferences.put(stored.getString("_id"), completed(stored));
        }
        memberIds.forEach(memberId -> preferences.putIfAbsent(memberId, NotificationPreferences.DEFAULTS));
        return preferences;
    }

    /** What the member chose, completed with the defaults; empty when they never chose anything. */
    Optional<NotificationPreferences> stored(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Document.class, COLLECTION))
                .map(PreferenceStore::completed);
    }

    /** Replaces everything the member chose. */
    void save(String memberId, NotificationPreferences preferences) {
        Document channels = new Document();
        preferences.channels().forEach((category, choice) -> channels.append(category.name(),
                new Document("inApp", choice.inApp()).append("live", choice.live())
                        .append("email", choice.email().name())));
        Document optIns = new Document();
        preferences.optedIn().forEach(kind -> optIns.append(kind.name(), true));
        Update update = new Update().set("channels", channels).set("optIns", optIns)
                .set("updatedAt", clock.instant());
        QuietHours quiet = preferences.quietHours();
        if (quiet == null) {
            update.unset("quietHours");
        }
        else {
            update.set("quietHours", new Document("start", quiet.start().toString()).append("end",
                    quiet.end().toString()));
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(memberId)), update, COLLECTION);
        log.info("Notification preferences of member {} saved", memberId);
    }

    /** Nothing is created for an erased member: an old email's link must not bring a document back. */
    @Override
    public void unsubscribe(String memberId, Category category) {
        if (refused.wasErased(memberId)) {
            log.info("Unsubscribe of erased member {} ignored", memberId);
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(memberId)),
                new Update().set("channels." + category.name() + ".email", EmailChoice.OFF.name())
                        .set("updatedAt", clock.instant()),
                COLLECTION);
        log.info("Member {} unsubscribed from {} emails", memberId, category);
    }

    /** One pass: on the embedded server a query on a field other than {@code _id} scans the collection anyway. */
    @Override
    public Set<String> members() {
        Query withoutDigest = Query.query(
                Criteria.where("channels." + Category.SYSTEM.name() + ".email").is(EmailChoice.OFF.name()));
        withoutDigest.fields().include("_id");
        Set<String> members = new HashSet<>();
        mongo.find(withoutDigest, Document.class, COLLECTION).forEach(member -> members.add(member.getString("_id")));
        return members;
    }

    void forget(String memberId) {
        mongo.remove(Query.query(Criteria.where("_id").is(memberId)), COLLECTION);
    }

    /** Unknown names (a category or kind since removed) are ignored, so an old document never fails a read. */
    private static NotificationPreferences completed(Document stored) {
        NotificationPreferences defaults = NotificationPreferences.DEFAULTS;
        Document channels = stored.get("channels", new Document());
        Map<Category, ChannelChoice> choices = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            ChannelChoice fallback = defaults.of(category);
            Document choice = channels.get(category.name(), new Document());
            choices.put(category, new ChannelChoice(choice.get("inApp", fallback.inApp()),
                    choice.get("live", fallback.live()), emailChoice(choice.getString("email"), fallback.email())));
        }
        Document optIns = stored.get("optIns", new Document());
        Set<Kind> optedIn = EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            if (kind.optIn() && Boolean.TRUE.equals(optIns.getBoolean(kind.name()))) {
                optedIn.add(kind);
            }
        }
        Document quiet = stored.get("quietHours", Document.class);
        QuietHours quietHours = quiet == null ? null
                : new QuietHours(LocalTime.parse(quiet.getString("start")), LocalTime.parse(quiet.getString("end")));
        return new NotificationPreferences(choices, optedIn, quietHours);
    }

    private static EmailChoice emailChoice(String stored, EmailChoice fallback) {
        if (stored == null) {
            return fallback;
        }
        try {
            return EmailChoice.valueOf(stored);
        }
        catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }
}
