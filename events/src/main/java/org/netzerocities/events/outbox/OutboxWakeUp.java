package org.netzerocities.events.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay as soon as a saved aggregate carries events, so they leave within milliseconds of the write. */
public class OutboxWakeUp extends AbstractMongoEventListener<OutboxAggregate> {

    private final OutboxRelay relay;

    public OutboxWakeUp(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxAggregate> event) {
        if (!event.getSource().outbox().isEmpty() && event.getDocument() != null) {
            relay.wake(event.getCollectionName(), event.getDocument().get("_id"));
        }
    }
}
