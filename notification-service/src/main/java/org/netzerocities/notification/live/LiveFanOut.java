package org.netzerocities.notification.live;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.notification.delivery.PrivateTopicListeners;
import org.netzerocities.notification.inbox.LiveNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every instance reads the whole live topic in a consumer group of its own (a random suffix per start), from the
 * latest offset: what was written before it started is in the inbox, where a resuming stream reads it.
 */
@Component
class LiveFanOut {

    static final String LISTENER_ID = "notification-live";

    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

    private final LiveStreams streams;
    private final JsonMapper json;

    LiveFanOut(LiveStreams streams, JsonMapper json) {
        this.streams = streams;
        this.json = json;
    }

    @KafkaListener(id = LISTENER_ID, topics = NotificationTopics.LIVE,
            groupId = "${spring.kafka.consumer.group-id}-live-${random.uuid}",
            containerFactory = PrivateTopicListeners.FACTORY,
            properties = {
                    "auto.offset.reset=latest",
                    "max.poll.records=${nzc.notifications.live.max-poll-records:500}",
                    "fetch.max.wait.ms=${nzc.notifications.live.fetch-max-wait-ms:100}" })
    void onLive(List<ConsumerRecord<String, String>> records) {
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
    }
}
