package org.netzerocities.notification.inbox;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** What the tests read of the {@code notifications} collection. */
public final class StoredNotifications {

    private StoredNotifications() {
    }

    public static boolean exists(MongoTemplate mongo, String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), Notification.COLLECTION);
    }

    public static List<Notification> of(MongoTemplate mongo, String memberId) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId)), Notification.class);
    }
}
