package org.netzerocities.notification.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.inbox.NotificationView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The resume rule of one stream, with the push and the inbox read interleaved as two instances can make them. */
class SubscriptionTest {

    private final StringBuilder sent = new StringBuilder();
    private final SseEmitter emitter = new SseEmitter() {
        @Override
        public void send(SseEventBuilder builder) {
            builder.build().forEach(part -> sent.append(part.getData() instanceof NotificationView view
                    ? "{\"seq\":" + view.seq() + "}" : part.getData()));
        }
    };

    @Test
    void pushesArrivingWhileTheInboxIsReadFollowTheMissedOnesEachOnceInOrder() throws IOException {
        Subscription subscription = new Subscription("m-1", emitter, 4);
        subscription.push(notification(6));
        subscription.push(notification(7));

        subscription.catchUp(List.of(notification(5), notification(6)));
        subscription.push(notification(7));
        subscription.push(notification(8));

        assertThat(SseEvents.parse(sent.toString()).seqs()).containsExactly(5L, 6L, 7L, 8L);
    }

    @Test
    void withoutALastEventIdEveryPushIsSent() throws IOException {
        Subscription subscription = new Subscription("m-1", emitter, -1);
        subscription.catchUp(List.of());

        subscription.push(notification(0));
        subscription.push(notification(3));

        assertThat(SseEvents.parse(sent.toString()).seqs()).containsExactly(0L, 3L);
    }

    private static NotificationView notification(long seq) {
        return new NotificationView("n-" + seq, seq, Kind.MENTION, Category.COMMUNITY, false, "t", "b", null, false,
                Instant.now(), null);
    }
}
