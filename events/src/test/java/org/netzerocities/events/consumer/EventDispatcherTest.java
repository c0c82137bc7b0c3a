package org.netzerocities.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.kafka.InvalidEventException;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.events.support.InMemoryMongo;
import org.springframework.kafka.listener.BatchListenerFailedException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** One listener per topic hands every record to the dispatcher; what it does with each kind of record. */
class EventDispatcherTest {

    private static final String CONTACTS = EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC;

    private final EventCodec codec = new EventCodec();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProcessedEvents processed = new ProcessedEvents(InMemoryMongo.freshDatabase(), Clock.systemUTC(),
            Duration.ofDays(1));
    private final List<String> welcomed = new ArrayList<>();
    private final List<String> projected = new ArrayList<>();
    private final List<String> forgotten = new ArrayList<>();

    private final EventDispatcher dispatcher = new EventDispatcher(List.of(
            EventHandler.on(EventCatalog.MEMBER_JOINED, (joined, event) -> welcomed.add(joined.memberId())),
            EventHandler.on(EventCatalog.MEMBER_JOINED, (joined, event) -> projected.add(joined.memberId()))),
            List.of(TombstoneHandler.on(CONTACTS, forgotten::add)), codec, processed, meters);

    @Test
    void everyHandlerOfTheTypeGetsTheEventOnce() {
        dispatcher.dispatch(record(memberJoined("m-1")));

        assertThat(welcomed).containsExactly("m-1");
        assertThat(projected).containsExactly("m-1");
        assertThat(dispatcher.topics()).containsExactlyInAnyOrder(EventCatalog.COMMUNITY_MEMBERS_TOPIC, CONTACTS);
    }

    @Test
    void aReplayOfAHandledEventReachesNoHandler() {
        ConsumerRecord<String, String> record = record(memberJoined("m-1"));

        dispatcher.dispatch(record);
        dispatcher.dispatch(record);

        assertThat(welcomed).containsExactly("m-1");
        assertThat(count("duplicate")).isEqualTo(1);
    }

    @Test
    void aTypeWhoseHandlersAreAllIdempotentByThemselvesKeepsNoProcessedMark() {
        List<String> routed = new ArrayList<>();
        var idempotent = new EventDispatcher(List.of(EventHandler.idempotent(EventCatalog.MEMBER_JOINED,
                (joined, event) -> routed.add(joined.memberId()))), List.of(), codec, processed, meters);
        PendingEvent joined = memberJoined("m-3");

        idempotent.dispatch(record(joined));
        idempotent.dispatch(record(joined));

        assertThat(routed).containsExactly("m-3", "m-3");
        assertThat(processed.contains(codec.fromRecord(record(joined)))).isFalse();
    }

    @Test
    void oneHandlerThatReliesOnTheMarkKeepsItForTheType() {
        List<String> routed = new ArrayList<>();
        var mixed = new EventDispatcher(List.of(EventHandler.idempotent(EventCatalog.MEMBER_JOINED,
                (joined, event) -> routed.add(joined.memberId())), EventHandler.on(EventCatalog.MEMBER_JOINED,
                (joined, event) -> welcomed.add(joined.memberId()))), List.of(), codec, processed, meters);
        ConsumerRecord<String, String> record = record(memberJoined("m-4"));

        mixed.dispatch(record);
        mixed.dispatch(record);

        assertThat(routed).containsExactly("m-4");
        assertThat(welcomed).containsExactly("m-4");
    }

    @Test
    void anEventWhoseHandlerFailedIsNotMarkedHandled() {
        var failing = new EventDispatcher(List.of(EventHandler.on(EventCatalog.MEMBER_JOINED, (joined, event) -> {
            throw new IllegalStateException("database away");
        })), List.of(), codec, processed, meters);
        ConsumerRecord<String, String> record = record(memberJoined("m-2"));

        assertThatThrownBy(() -> failing.dispatch(record)).isInstanceOf(IllegalStateException.class);

        dispatcher.dispatch(record);
        assertThat(welcomed).containsExactly("m-2");
    }

    @Test
    void aPollsDeferredWorkIsAwaitedOnceAfterAllItsRecordsWereHandled() {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        List<String> handledWhileSendsOpen = new ArrayList<>();
        var deferring = new EventDispatcher(List.of(EventHandler.idempotent(EventCatalog.MEMBER_JOINED,
                (joined, event) -> {
                    if (sends.stream().noneMatch(CompletableFuture::isDone)) {
                        handledWhileSendsOpen.add(joined.memberId());
                    }
                    var send = new CompletableFuture<Void>();
                    sends.add(send);
                    assertThat(DeferredWork.defer(send)).isTrue();
                })), List.of(), codec, processed, meters);
        var acknowledging = Executors.newSingleThreadScheduledExecutor();
        acknowledging.schedule(() -> sends.forEach(send -> send.complete(null)), 200, TimeUnit.MILLISECONDS);

        deferring.dispatchAll(List.of(record(memberJoined("m-5")), record(memberJoined("m-6")),
                record(memberJoined("m-7"))));

        assertThat(handledWhileSendsOpen).containsExactly("m-5", "m-6", "m-7");
        assertThat(sends).hasSize(3).allMatch(CompletableFuture::isDone);
        acknowledging.shutdown();
    }

    @Test
    void deferredWorkThatFailsNamesTheRecordThatLeftIt() {
        var deferring = new EventDispatcher(List.of(EventHandler.idempotent(EventCatalog.MEMBER_JOINED,
                (joined, event) -> DeferredWork.defer(joined.memberId().equals("m-9")
                        ? CompletableFuture.failedFuture(new IllegalStateException("broker away"))
                        : CompletableFuture.completedFuture(null)))), List.of(), codec, processed, meters);

        assertThatThrownBy(() -> deferring.dispatchAll(List.of(record(memberJoined("m-8")),
                record(memberJoined("m-9")), record(memberJoined("m-10")))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).hasMessage("broker away");
                });
    }

    @Test
    void whenARecordFailsTheWorkEarlierRecordsDeferredIsAwaitedFirst() {
        CompletableFuture<Void> earlierSend = new CompletableFuture<>();
        var deferring = new EventDispatcher(List.of(EventHandler.idempotent(EventCatalog.MEMBER_JOINED,
                (joined, event) -> {
                    if (joined.memberId().equals("m-12")) {
                        throw new IllegalStateException("cannot route");
                    }
                    DeferredWork.defer(earlierSend);
                })), List.of(), codec, processed, meters);
        earlierSend.completeExceptionally(new IllegalStateException("broker away"));

        // the earlier record's offset must not be committed: the failure names it, not the later one
        assertThatThrownBy(() -> deferring.dispatchAll(List.of(record(memberJoined("m-11")),
                record(memberJoined("m-12")))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isZero());
    }

    @Test
    void handlersOfAMarkedTypeAndHandlersCalledOutsideADispatchAwaitTheirOwnWork() {
        List<Boolean> deferred = new ArrayList<>();
        var marked = new EventDispatcher(List.of(EventHandler.on(EventCatalog.MEMBER_JOINED,
                (joined, event) -> deferred.add(DeferredWork.defer(new CompletableFuture<Void>())))), List.of(),
                codec, processed, meters);

        marked.dispatchAll(List.of(record(memberJoined("m-13"))));
        marked.dispatch(record(memberJoined("m-14")));

        assertThat(deferred).containsExactly(false, false);
    }

    @Test
    void typesWithoutAHandlerAreSkippedAndCounted() {
        PendingEvent newer = new PendingEvent(UUID.randomUUID().toString(),
                "org.netzerocities.community.member.levelled-up.v1", EventCatalog.COMMUNITY_MEMBERS_TOPIC, "m-1",
                "/community-service", Instant.now(), "{\"anything\": true}");

        dispatcher.dispatch(record(newer));

        assertThat(welcomed).isEmpty();
        assertThat(count("unhandled-type")).isEqualTo(1);
    }

    @Test
    void aPayloadThatViolatesItsSchemaIsInvalidAndReachesNoHandler() {
        PendingEvent noMemberId = new PendingEvent(UUID.randomUUID().toString(), EventCatalog.MEMBER_JOINED.type(),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, "m-1", "/test", Instant.now(), "{\"displayName\": \"Ana\"}");

        assertThatThrownBy(() -> dispatcher.dispatch(record(noMemberId)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("violates the schema");
        assertThat(welcomed).isEmpty();
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsInvalid() {
        var bare = new ConsumerRecord<>(EventCatalog.COMMUNITY_MEMBERS_TOPIC, 0, 0L, "m-1", "{}");

        assertThatThrownBy(() -> dispatcher.dispatch(bare)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aTombstoneMakesTheTopicsHandlerForgetTheKey() {
        dispatcher.dispatch(new ConsumerRecord<>(CONTACTS, 0, 0L, "m-1", null));

        assertThat(forgotten).containsExactly("m-1");
    }

    @Test
    void aTombstoneWithoutAHandlerIsSkippedNotRejected() {
        dispatcher.dispatch(new ConsumerRecord<>(EventCatalog.COMMUNITY_MEMBERS_TOPIC, 0, 0L, "m-1", null));

        assertThat(count("skipped")).isEqualTo(1);
    }

    @Test
    void tombstoneHandlersOnlyBelongToCompactedTopics() {
        assertThatThrownBy(() -> new EventDispatcher(List.of(),
                List.of(TombstoneHandler.on(EventCatalog.COMMUNITY_MEMBERS_TOPIC, key -> { })), codec, processed,
                meters)).isInstanceOf(IllegalStateException.class);
    }

    private double count(String outcome) {
        var counter = meters.find("nzc.events.consumed").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private PendingEvent memberJoined(String memberId) {
        return new PendingEvent(UUID.randomUUID().toString(), EventCatalog.MEMBER_JOINED.type(),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, memberId, "/test", Instant.now(),
                codec.write(new MemberJoined(memberId, "Ana", "cluj-napoca", List.of("ro"), List.of(),
                        "Europe/Bucharest", null, null, false, Instant.now())));
    }

    private ConsumerRecord<String, String> record(PendingEvent event) {
        var produced = codec.toRecord(event);
        var record = new ConsumerRecord<>(produced.topic(), 0, 0L, produced.key(), produced.value());
        produced.headers().forEach(h -> record.headers().add(h.key(), h.value()));
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.eventId());
        return record;
    }
}
