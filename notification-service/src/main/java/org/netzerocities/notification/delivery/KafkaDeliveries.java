package org.netzerocities.notification.delivery;

import java.util.List;
import java.util.Map;

import org.netzerocities.events.consumer.DeferredWork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drafts travel keyed by member id, so each member's drafts are in one partition, written by one consumer in order.
 * A failed send fails the causing event's handling, which is retried: the drafts sent already are then written once,
 * their ids being deterministic. Within a dispatch of platform events, the acknowledgement is awaited with the rest
 * of the poll's, before its offsets are committed.
 */
@Component
class KafkaDeliveries implements Deliveries {

    private static final Logger log = LoggerFactory.getLogger(KafkaDeliveries.class);

    private final PrivateTopicSender sender;

    KafkaDeliveries(PrivateTopicSender sender) {
        this.sender = sender;
    }

    @Override
    public void send(List<NotificationDraft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        var sent = sender.sendAsync(Map.of(NotificationTopics.DELIVERIES,
                drafts.stream().map(draft -> new PrivateTopicSender.Keyed(draft.memberId(), draft)).toList()));
        // within a dispatch of platform events, the broker's acknowledgement is awaited once for the whole poll
        if (!DeferredWork.defer(sent.acknowledged())) {
            sender.await(sent);
        }
        log.info("Sent {} {} drafts of event {}", drafts.size(), drafts.get(0).kind(), drafts.get(0).sourceEventId());
    }
}
