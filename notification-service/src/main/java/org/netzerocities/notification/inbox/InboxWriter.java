package org.netzerocities.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.delivery.Channel;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.notification.delivery.NotificationsSent;
import org.netzerocities.notification.delivery.PrivateTopicListeners;
import org.netzerocities.notification.delivery.PrivateTopicSender;
import org.netzerocities.notification.delivery.PrivateTopicSender.Keyed;
import org.netzerocities.notification.inbox.Notification.DigestState;
import org.netzerocities.notification.message.NotificationTexts;
import org.netzerocities.notification.preference.ChannelPlan;
import org.netzerocities.notification.preference.ChannelPlan.EmailMode;
import org.netzerocities.notification.preference.DeliveryPlanner;
import org.netzerocities.support.member.RefusedMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes routing's drafts into members' inboxes, a whole batch at a time: one read of the batch's erased members
 * and, at the same time, one of their contacts, the plans of the whole batch, one unordered bulk insert, then the emails to send now and
 * the live pushes, awaited together. One consumer owns each partition of the deliveries topic, so a member's
 * notifications are written by one thread in order, and their sequence numbers (the drafts' offsets) grow; an
 * instance runs several consumers, so that the members of one partition do not wait for another's batch.
 *
 * <p>Replays create nothing twice: a draft whose id is stored already is skipped by the insert and pushed to no
 * stream again; its email request is sent again, since a crash may have come between the insert and the send, and
 * the email side sends each request id once.
 */
@Component
class InboxWriter {

    /** The listener's id, e.g. to stop it in the listener endpoint registry. */
    static final String LISTENER_ID = "notification-writer";
    static final String WRITER_CONTAINER = "writerContainerPostProcessor";

    private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final MemberContactRepository contacts;
    private final RefusedMembers refused;
    private final DeliveryPlanner planner;
    private final NotificationTexts texts;
    private final PrivateTopicSender sender;
    private final JsonMapper json;
    private final Clock clock;
    private final InboxProperties properties;
    private final LocalPushGate localPushes;
    private final ApplicationEventPublisher published;
    private final Counter sentInApp;
    private final Counter sentLive;

    InboxWriter(MongoTemplate mongo, MemberContactRepository contacts, RefusedMembers refused, DeliveryPlanner planner,
            NotificationTexts texts, PrivateTopicSender sender, JsonMapper json, Clock clock,
            InboxProperties properties, LocalPushGate localPushes, ApplicationEventPublisher published,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.contacts = contacts;
        this.refused = refused;
        this.planner = planner;
        this.texts = texts;
        this.sender = sender;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.localPushes = localPushes;
        this.published = published;
        this.sentInApp = NotificationsSent.counter(meters, Channel.IN_APP);
        this.sentLive = NotificationsSent.counter(meters, Channel.LIVE);
    }

    /**
     * Shuts the gate of local pushes whenever the writer takes over partitions (see {@link LocalPushGate}), at the
     * live topic's end offsets of that moment.
     */
    @Bean(WRITER_CONTAINER)
    static ContainerPostProcessor<String, String, AbstractMessageListenerContainer<String, String>> writerContainer(
            LocalPushGate localPushes) {
        return container -> container.getContainerProperties().setConsumerRebalanceListener(
                new ConsumerAwareRebalanceListener() {
                    @Override
                    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                        if (!partitions.isEmpty()) {
                            localPushes.shutUntil(consumer.endOffsets(consumer.partitionsFor(NotificationTopics.LIVE)
                                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList()));
                        }
                    }
                });
    }

    /** A draft and its member's sequence number. */
    record Delivery(NotificationDraft draft, long seq) {
    }

    @KafkaListener(id = LISTENER_ID, topics = NotificationTopics.DELIVERIES,
            groupId = "${spring.kafka.consumer.group-id}-writer",
            containerFactory = PrivateTopicListeners.FACTORY, containerPostProcessor = WRITER_CONTAINER,
            concurrency = "${nzc.notifications.writer.consumers:3}",
            properties = {
                    "max.poll.records=${nzc.notifications.writer.max-poll-records:1000}",
                    "fetch.max.wait.ms=${nzc.notifications.writer.fetch-max-wait-ms:100}" })
    void onDrafts(List<ConsumerRecord<String, String>> records) {
        List<Delivery> deliveries = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                deliveries.add(new Delivery(json.readValue(record.value(), NotificationDraft.class), record.offset()));
            }
            catch (RuntimeException unreadable) {
                // written by this service: a bug to fix, and blocking the members of the partition would not fix it
                log.error("Skipped unreadable draft {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        unreadable.getClass().getSimpleName());
            }
        }
        write(deliveries);
    }

    void write(List<Delivery> batch) {
        List<Delivery> deliveries = onePerId(batch);
        if (deliveries.isEmpty()) {
            return;
        }
        Set<String> memberIds = deliveries.stream().map(d -> d.draft().memberId()).collect(Collectors.toSet());
        // two independent reads at once: the batch waits for one round trip to the database instead of two
        CompletableFuture<Set<String>> erasedRead = CompletableFuture.supplyAsync(() -> refused.erasedAmong(memberIds));
        Map<String, MemberContact> contactsById = new LinkedHashMap<>();
        contacts.findAllById(memberIds).forEach(contact -> contactsById.put(contact.memberId(), contact));
        Set<String> erased = erasedRead.join();
        if (!erased.isEmpty()) {
            deliveries = deliveries.stream().filter(d -> !erased.contains(d.draft().memberId())).toList();
            erased.forEach(contactsById::remove);
            log.info("No notification for {} erased members of the batch", erased.size());
        }
        Instant now = clock.instant();
        List<ChannelPlan> plans = planner.plan(deliveries.stream().map(Delivery::draft).toList(), contactsById, now);

        List<Notification> stored = new ArrayList<>();
        List<Notification> pushed = new ArrayList<>();
        List<Keyed> emails = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            ChannelPlan plan = plans.get(i);
            NotificationDraft draft = delivery.draft();
            if (plan.inApp() || plan.email() == EmailMode.DIGEST) {
                Notification notification = notification(delivery, plan, contactsById.get(draft.memberId()), now);
                stored.add(notification);
                if (plan.inApp() && plan.live()) {
                    pushed.add(notification);
                }
            }
            if (plan.email() == EmailMode.IMMEDIATE) {
                emails.add(new Keyed(draft.memberId(), new EmailRequest(draft.id(),
                        draft.memberId(), draft.kind(), draft.params(), draft.link(), List.of(), now)));
            }
        }
        Set<String> inserted = insertNew(stored);
        List<LiveNotification> newlyPushed = pushed.stream().filter(n -> inserted.contains(n.id()))
                .map(n -> new LiveNotification(n.memberId(), NotificationView.of(n))).toList();
        if (!newlyPushed.isEmpty() && localPushes.open()) {
            published.publishEvent(new NotificationsStored(newlyPushed));
        }
        List<Keyed> live = newlyPushed.stream().map(n -> new Keyed(n.memberId(), n)).toList();
        // the live pushes leave first; both awaited together
        Map<String, List<Keyed>> outgoing = new LinkedHashMap<>();
        outgoing.put(NotificationTopics.LIVE, live);
        outgoing.put(NotificationTopics.EMAILS, emails);
        sender.send(outgoing);
        sentInApp.increment(inserted.size());
        sentLive.increment(live.size());
        log.info("Wrote {} notifications ({} already written) of {} drafts; {} live, {} emails", inserted.size(),
                stored.size() - inserted.size(), batch.size(), live.size(), emails.size());
    }

    /** A draft redelivered within one batch (its event was retried after a partial send) counts once. */
    private static List<Delivery> onePerId(List<Delivery> batch) {
        return List.copyOf(batch.stream().collect(Collectors.toMap(d -> d.draft().id(), Function.identity(),
                (first, again) -> first, LinkedHashMap::new)).values());
    }

    private Notification notification(Delivery delivery, ChannelPlan plan, MemberContact contact, Instant now) {
        NotificationDraft draft = delivery.draft();
        String language = contact != null && contact.language() != null ? contact.language() : "en";
        NotificationTexts.Text text = texts.render(draft.kind(), draft.params(), language);
        return new Notification(draft.id(), draft.memberId(), delivery.seq(), draft.kind(), draft.kind().category(),
                draft.kind().critical(), text.title(), text.body(), draft.link(), draft.params(), draft.sourceEventId(),
                now, null, plan.inApp(), plan.email() == EmailMode.DIGEST ? DigestState.PENDING : null,
                now.plus(properties.retention()));
    }

    /** Inserts all in one unordered bulk write; returns the ids that were not stored already. */
    private Set<String> insertNew(List<Notification> notifications) {
        Set<String> inserted = notifications.stream().map(Notification::id).collect(Collectors.toCollection(HashSet::new));
        if (notifications.isEmpty()) {
            return inserted;
        }
        try {
            mongo.bulkOps(BulkMode.UNORDERED, Notification.class).insert(notifications).execute();
        }
        catch (BulkOperationException failed) {
            for (var error : failed.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw failed;
                }
                inserted.remove(notifications.get(error.getIndex()).id());
            }
        }
        return inserted;
    }
}
