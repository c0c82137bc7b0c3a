package org.netzerocities.notification.contact;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.inbox.IdempotentConsumer;
import org.netzerocities.notification.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** New members: keep their contact details and greet them. */
@Component
class MemberEventsListener {

    private final IdempotentConsumer events;
    private final MemberContactRepository contacts;
    private final Inbox inbox;

    MemberEventsListener(IdempotentConsumer events, MemberContactRepository contacts, Inbox inbox) {
        this.events = events;
        this.contacts = contacts;
        this.inbox = inbox;
    }

    @KafkaListener(topics = EventCatalog.COMMUNITY_MEMBERS_TOPIC)
    void on(ConsumerRecord<String, String> record) {
        events.consume("member-joined", record, EventCatalog.MEMBER_JOINED, (joined, event) -> {
            contacts.save(new MemberContact(joined.memberId(), joined.email(), joined.displayName(), joined.city(),
                    joined.languages()));
            inbox.welcome(joined, event.id());
        });
    }
}
