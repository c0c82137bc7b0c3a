package org.netzerocities.notification.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.netzerocities.notification.inbox.Inbox;
import org.netzerocities.notification.inbox.NotificationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The streams open on this instance, by member. Pushes come from this instance's own consumer of the live topic,
 * which every instance reads whole, so a member connected here gets what any instance wrote (and from this
 * instance's writer directly, see {@link LiveFanOut}). At shutdown the
 * streams are closed first, so that clients reconnect (with their Last-Event-ID) to another instance instead of
 * holding up the graceful shutdown.
 */
@Component
class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final Inbox inbox;
    private final LiveProperties properties;
    private final Map<String, Set<Subscription>> byMember = new ConcurrentHashMap<>();
    private volatile boolean running;

    LiveStreams(Inbox inbox, LiveProperties properties) {
        this.inbox = inbox;
        this.properties = properties;
    }

    /**
     * Opens a stream of the member's notifications.
     *
     * @param lastEventId the last sequence number the client received, or null for only what comes next
     */
    SseEmitter open(String memberId, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Subscription subscription = new Subscription(memberId, emitter, lastEventId == null ? -1 : lastEventId);
        byMember.computeIfAbsent(memberId, id -> ConcurrentHashMap.newKeySet()).add(subscription);
        emitter.onCompletion(() -> close(subscription));
        emitter.onTimeout(emitter::complete);
        emitter.onError(failure -> close(subscription));
        try {
            subscription.comment("connected");
            List<NotificationView> missed = lastEventId == null ? List.of() : inbox.after(memberId, lastEventId);
            subscription.catchUp(missed);
            log.info("Stream of member {} opened after seq {}: {} missed notifications sent", memberId, lastEventId,
                    missed.size());
        }
        catch (IOException | RuntimeException ex) {
            close(subscription);
            emitter.completeWithError(ex);
        }
        return emitter;
    }

    /** Sends a notification to the member's streams open here. */
    void push(String memberId, NotificationView notification) {
        for (Subscription subscription : byMember.getOrDefault(memberId, Set.of())) {
            try {
                subscription.push(notification);
            }
            catch (IOException | RuntimeException gone) {
                drop(subscription);
            }
        }
    }

    /** A comment on every stream, so that proxies see traffic; a stream whose client went away is closed. */
    void heartbeat() {
        byMember.values().forEach(subscriptions -> subscriptions.forEach(subscription -> {
            try {
                subscription.comment("heartbeat");
            }
            catch (IOException | RuntimeException gone) {
                drop(subscription);
            }
        }));
    }

    int openStreams() {
        return byMember.values().stream().mapToInt(Set::size).sum();
    }

    private void drop(Subscription subscription) {
        close(subscription);
        subscription.emitter().complete();
    }

    private void close(Subscription subscription) {
        byMember.computeIfPresent(subscription.memberId(), (id, subscriptions) -> {
            subscriptions.remove(subscription);
            return subscriptions.isEmpty() ? null : subscriptions;
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int open = openStreams();
        byMember.values().forEach(subscriptions -> subscriptions.forEach(s -> s.emitter().complete()));
        byMember.clear();
        log.info("Closed {} streams at shutdown", open);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
