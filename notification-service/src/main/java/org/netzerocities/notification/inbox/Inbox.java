package org.netzerocities.notification.inbox;

import java.time.Clock;

import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

@Service
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final NotificationRepository notifications;
    private final Clock clock;

    Inbox(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Greets a new member once: the welcome's id is the member's, and it is inserted, never overwritten,
     * so neither a replay nor a concurrent redelivery creates a second one or resets its read state.
     */
    void welcome(MemberJoined joined, String eventId) {
        try {
            Notification welcome = notifications.insert(Welcome.forMember(joined, eventId, clock.instant()));
            log.info("Welcome notification {} for member {}", welcome.id(), joined.memberId());
        }
        catch (DuplicateKeyException alreadyWelcomed) {
            log.debug("Member {} was welcomed already", joined.memberId());
        }
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
