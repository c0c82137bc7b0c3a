package org.netzerocities.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;

class NotifierTest extends RoutingFixture {

    final IncomingEvent event = new IncomingEvent("event-1", "ThreadReplied", "/test", "t-1",
            Instant.parse("2026-11-29T05:00:00Z"), null, "{}", new EventCodec());

    @Test
    void oneCallCarriesADraftPerRecipientWithTheEventsIdsAndNoneForTheActorOrBlankIds() {
        notifier.send(event, Notice.of(Kind.THREAD_REPLY, Arrays.asList("ana", "ben", null, " ", "actor"), "/x")
                .with("threadTitle", "Solar", "missing", null).notTo("actor"));

        assertThat(calls).singleElement().satisfies(drafts -> assertThat(drafts)
                .extracting(NotificationDraft::memberId).containsExactly("ana", "ben"));
        assertThat(sent().get("ana")).isEqualTo(new NotificationDraft("event-1~ana", "ana", Kind.THREAD_REPLY,
                Map.of("threadTitle", "Solar"), "/x", "event-1", event.time()));
    }

    @Test
    void aMemberNamedTwiceOrByTwoNoticesIsToldOnceByTheFirst() {
        notifier.send(event, Notice.of(Kind.MODULE_COMPLETED, List.of("ana", "ana"), "/a"),
                Notice.of(Kind.LEARNER_MODULE_COMPLETED, List.of("ana", "ben"), "/b"));

        assertThat(calls).hasSize(1);
        assertThat(recipientsByKind()).containsEntry(Kind.MODULE_COMPLETED, List.of("ana"))
                .containsEntry(Kind.LEARNER_MODULE_COMPLETED, List.of("ben"));
    }

    @Test
    void anEventConcerningNoOneSendsNothing() {
        notifier.send(event, Notice.of(Kind.POST_REPORTED, null, "/x"), Notice.to(Kind.MENTION, "actor", "/x")
                .notTo("actor"));

        assertThat(calls).isEmpty();
    }

    @Test
    void momentsReadTheSameInEveryLanguageInTheGivenTimeZone() {
        Instant instant = Instant.parse("2026-12-01T17:00:00Z");
        assertThat(Notice.when(instant, "Europe/Brussels")).isEqualTo("2026-12-01 18:00 (Europe/Brussels)");
        assertThat(Notice.when(instant, null)).isEqualTo("2026-12-01 17:00 UTC");
        assertThat(Notice.when(instant, "Not/AZone")).isEqualTo("2026-12-01 17:00 UTC");
        assertThat(Notice.when(null, "Europe/Brussels")).isNull();
    }
}
