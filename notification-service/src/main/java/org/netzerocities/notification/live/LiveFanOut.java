package org.netzerocities.notification.live;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.notification.delivery.PrivateTopicListeners;
import org.netzerocities.notification.inbox.LiveNotification;
import org.netzerocities.notification.inbox.LocalPushGate;
import org.netzerocities.notification.inbox.NotificationsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every instance reads the whole live topic in a consumer group of its own (a random suffix per start), from the
 * latest offset: what was written before it started is in the inbox, where a resuming stream reads it. What this
 * instance's own writer stores reaches the streams open here straight from the writer, when {@link LocalPushGate}
 * allows it; its copy from the topic is then skipped by its sequence number.
 */
@Component
class LiveFanOut {

    static final String LISTENER_ID = "notification-live";

    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

    private final LiveStreams streams;
    private final JsonMapper json;
    private final LocalPushGate localPushes;

    LiveFanOut(LiveStreams streams, JsonMapper json, LocalPushGate localPushes) {
        this.streams = streams;
        this.json = json;
        this.localPushes = localPushes;
    }

    @KafkaListener(id = LISTENER_ID, topics = NotificationTopics.LIVE,
            groupId = "${spring.kafka.consumer.group-id}-live-${random.uuid}",
            containerFactory = PrivateTopicListeners.FACTORY,
            properties = {
                    "auto.offset.reset=latest",
                    "max.poll.records=${nzc.notifications.live.max-poll-records:500}",
                    "fetch.max.wait.ms=${nzc.notifications.live.fetch-max-wait-ms:100}" })
    void onLive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        for (ConsumerRecord<String, String> record : records) {
            LiveNotification live;
            try {
                live = json.readValue(record.value(), LiveNotification.class);
            }
            catch (RuntimeException unreadable) {
                log.error("Skipped unreadable live record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), unreadable.getClass().getSimpleName());
                continue;
            }
            streams.push(live.memberId(), live.notification());
        }
        localPushes.liveConsumerAt(consumer.assignment().stream()
                .collect(Collectors.toMap(Function.identity(), consumer::position)));
    }

    /** What this instance's writer stored, pushed to the streams open here without the live topic's round trip. */
    @EventListener
    void onStored(NotificationsStored stored) {
        stored.notifications().forEach(live -> streams.push(live.memberId(), live.notification()));
    }
}
