package org.netzerocities.notification.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an event's notices into drafts, one per recipient, and sends them all in ONE call to {@link Deliveries}.
 * A member is told one thing per event (the first notice naming them: a draft's id is the event's and the
 * member's), never about their own action, and blank ids in an event are skipped.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Deliveries deliveries;

    Notifier(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    void send(IncomingEvent event, Notice... notices) {
        Set<String> told = new HashSet<>();
        List<NotificationDraft> drafts = new ArrayList<>();
        for (Notice notice : notices) {
            for (String memberId : notice.recipients()) {
                if (memberId != null && !memberId.isBlank() && !notice.notTo().contains(memberId)
                        && told.add(memberId)) {
                    drafts.add(new NotificationDraft(NotificationDraft.idFor(event.id(), memberId), memberId,
                            notice.kind(), notice.params(), notice.link(), event.id(), event.time()));
                }
            }
        }
        if (drafts.isEmpty()) {
            log.debug("{} {} concerns no one", event.type(), event.id());
            return;
        }
        deliveries.send(drafts);
    }
}
