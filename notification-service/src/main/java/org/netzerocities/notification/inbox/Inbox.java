package org.netzerocities.notification.inbox;

import java.time.Clock;
import java.util.List;

import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A member's inbox: the notifications stored for them with {@code inApp} (those kept only for the digest are not
 * listed). Every query names the member, so another member's notification is "not found".
 */
@Service
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /** The member's sequence numbers follow the order in which their notifications were written. */
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "seq");

    private final MongoTemplate mongo;
    private final Clock clock;

    Inbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Page<Notification> of(String memberId, Boolean unread, Pageable page) {
        Criteria listed = listed(memberId);
        if (unread != null) {
            listed = unread ? listed.and("readAt").isNull() : listed.and("readAt").ne(null);
        }
        Query query = Query.query(listed);
        long total = mongo.count(query, Notification.class);
        List<Notification> items = mongo.find(Query.of(query).with(page), Notification.class);
        return new PageImpl<>(items, page, total);
    }

    /** Marks one of the member's notifications read (once: a second call keeps the first time). */
    Notification markRead(String memberId, String notificationId) {
        Notification marked = mongo.findAndModify(
                Query.query(listed(memberId).and("id").is(notificationId).and("readAt").isNull()),
                new Update().set("readAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
                Notification.class);
        if (marked != null) {
            return marked;
        }
        Notification read = mongo.findOne(Query.query(listed(memberId).and("id").is(notificationId)),
                Notification.class);
        if (read == null) {
            throw ApiProblem.notFound("Notification " + notificationId);
        }
        return read;
    }

    /** Marks every unread notification of the member read; returns how many. */
    long markAllRead(String memberId) {
        long marked = mongo.updateMulti(Query.query(listed(memberId).and("readAt").isNull()),
                new Update().set("readAt", clock.instant()), Notification.class).getModifiedCount();
        log.info("Marked {} notifications of member {} read", marked, memberId);
        return marked;
    }

    long unreadCount(String memberId) {
        return mongo.count(Query.query(listed(memberId).and("readAt").isNull()), Notification.class);
    }

    /** The member's listed notifications after {@code seq}, oldest first: what a resumed live stream missed. */
    public List<NotificationView> after(String memberId, long seq) {
        return mongo.find(Query.query(listed(memberId).and("seq").gt(seq)).with(Sort.by("seq")), Notification.class)
                .stream().map(NotificationView::of).toList();
    }

    /** Everything stored for the member, digest-only notifications included, newest first: their data export. */
    List<Notification> export(String memberId) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId)).with(NEWEST_FIRST), Notification.class);
    }

    void erase(String memberId) {
        long removed = mongo.remove(Query.query(Criteria.where("memberId").is(memberId)), Notification.class)
                .getDeletedCount();
        log.info("Notifications of erased member {} removed: {}", memberId, removed);
    }

    private static Criteria listed(String memberId) {
        return Criteria.where("memberId").is(memberId).and("inApp").is(true);
    }
}
