package org.netzerocities.learning.learner;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.inbox.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link Learner}s in step with community-service's members. */
@Component
class LearnerProjection {

    private final IdempotentConsumer events;
    private final LearnerRepository learners;

    LearnerProjection(IdempotentConsumer events, LearnerRepository learners) {
        this.events = events;
        this.learners = learners;
    }

    @KafkaListener(topics = EventCatalog.COMMUNITY_MEMBERS_TOPIC)
    void on(ConsumerRecord<String, String> record) {
        events.consume("learner-projection", record, EventCatalog.MEMBER_JOINED, (joined, event) -> learners.save(
                new Learner(joined.memberId(), joined.displayName(), joined.city(), joined.languages(),
                        joined.joinedAt())));
    }
}
