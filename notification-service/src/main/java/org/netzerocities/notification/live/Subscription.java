package org.netzerocities.notification.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.notification.inbox.NotificationView;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream of a member. It is registered for live pushes before the inbox is read for what the member
 * missed: pushes that arrive meanwhile wait in a buffer, then whatever has a sequence number beyond the last one
 * sent goes out, in order. So a notification stored while the stream opens is sent once, from the inbox or from
 * the buffer, and never lost between the two.
 */
final class Subscription {

    static final String EVENT_NAME = "notification";

    private final String memberId;
    private final SseEmitter emitter;
    private List<NotificationView> buffered = new ArrayList<>();
    private long lastSent;

    /** @param lastSent the last sequence number the client has, or -1 */
    Subscription(String memberId, SseEmitter emitter, long lastSent) {
        this.memberId = memberId;
        this.emitter = emitter;
        this.lastSent = lastSent;
    }

    String memberId() {
        return memberId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Sends what the member missed, then what was pushed meanwhile, and from then on sends pushes at once. */
    synchronized void catchUp(List<NotificationView> missed) throws IOException {
        for (NotificationView notification : missed) {
            send(notification);
        }
        List<NotificationView> meanwhile = buffered;
        buffered = null;
        for (NotificationView notification : meanwhile) {
            send(notification);
        }
    }

    synchronized void push(NotificationView notification) throws IOException {
        if (buffered != null) {
            buffered.add(notification);
        }
        else {
            send(notification);
        }
    }

    synchronized void comment(String text) throws IOException {
        emitter.send(SseEmitter.event().comment(text));
    }

    /** Skips what the client has already (a push that the inbox read also found, a redelivered push). */
    private void send(NotificationView notification) throws IOException {
        if (notification.seq() <= lastSent) {
            return;
        }
        emitter.send(SseEmitter.event().id(Long.toString(notification.seq())).name(EVENT_NAME)
                .data(notification, MediaType.APPLICATION_JSON));
        lastSent = notification.seq();
    }
}
