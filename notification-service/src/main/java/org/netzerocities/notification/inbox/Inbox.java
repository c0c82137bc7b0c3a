package org.netzerocities.notification.inbox;

import java.time.Clock;
import java.util.List;

import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

@Service
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"));

    private final NotificationRepository notifications;
    private final RefusedMembers refused;
    private final Clock clock;

    Inbox(NotificationRepository notifications, RefusedMembers refused, Clock clock) {
        this.notifications = notifications;
        this.refused = refused;
        this.clock = clock;
    }

    /**
     * Greets a new member once: the welcome's id is the member's, and it is inserted, never overwritten,
     * so neither a replay nor a concurrent redelivery creates a second one or resets its read state. A replay
     * after the member's erasure greets no one.
     */
    void welcome(MemberJoined joined, String eventId) {
        deliver(Welcome.forMember(joined, eventId, clock.instant()));
    }

    /** Tells a member they were mentioned, once per post (the notification's id is the post's and the member's). */
    void mentioned(MemberMentioned mentioned, String eventId) {
        deliver(Mention.forMember(mentioned, eventId, clock.instant()));
    }

    /**
     * Stores a notification once: it is inserted, never overwritten, so a replay or a concurrent redelivery of
     * its event neither doubles it nor resets its read state. Nothing is stored for an erased member.
     */
    private void deliver(Notification notification) {
        if (refused.wasErased(notification.memberId())) {
            log.info("No {} notification for erased member {} (event {})", notification.category(),
                    notification.memberId(), notification.sourceEventId());
            return;
        }
        try {
            notifications.insert(notification);
            log.info("{} notification {} for member {}", notification.category(), notification.id(),
                    notification.memberId());
        }
        catch (DuplicateKeyException delivered) {
            log.debug("Notification {} was delivered already", notification.id());
        }
    }

    /** Empties the member's inbox when they are erased. */
    void erase(String memberId) {
        long removed = notifications.deleteByMemberId(memberId);
        log.info("Inbox of erased member {} emptied: {} notifications", memberId, removed);
    }

    /** The member's whole inbox, newest first, for their data export. */
    public List<NotificationView> export(String memberId) {
        return notifications.findByMemberId(memberId, Pageable.unpaged(NEWEST_FIRST)).map(NotificationView::of)
                .getContent();
    }

    Page<Notification> of(String memberId, Boolean unread, Pageable page) {
        if (unread == null) {
            return notifications.findByMemberId(memberId, page);
        }
        return unread ? notifications.findByMemberIdAndReadAtIsNull(memberId, page)
                : notifications.findByMemberIdAndReadAtIsNotNull(memberId, page);
    }

    /** Marks one of the member's own notifications read; someone else's is "not found", not "forbidden". */
    Notification markRead(String memberId, String notificationId) {
        Notification notification = notifications.findByIdAndMemberId(notificationId, memberId)
                .orElseThrow(() -> ApiProblem.notFound("Notification " + notificationId));
        return notification.unread() ? notifications.save(notification.markRead(clock.instant())) : notification;
    }
}
