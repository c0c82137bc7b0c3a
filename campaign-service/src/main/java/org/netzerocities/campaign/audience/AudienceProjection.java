package org.netzerocities.campaign.audience;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.inbox.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the campaign audience in step with community-service's members. */
@Component
class AudienceProjection {

    private final IdempotentConsumer events;
    private final CitizenRepository citizens;

    AudienceProjection(IdempotentConsumer events, CitizenRepository citizens) {
        this.events = events;
        this.citizens = citizens;
    }

    @KafkaListener(topics = EventCatalog.COMMUNITY_MEMBERS_TOPIC)
    void on(ConsumerRecord<String, String> record) {
        events.consume("audience-projection", record, EventCatalog.MEMBER_JOINED, (joined, event) -> citizens.save(
                new Citizen(joined.memberId(), joined.displayName(), joined.city(), joined.languages(),
                        joined.interests(), joined.joinedAt())));
    }
}
