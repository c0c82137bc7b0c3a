package org.netzerocities.events.outbox;

import java.util.List;

/**
 * A MongoDB document that carries its own unsent events in a field named {@value #OUTBOX_FIELD}.
 * Saving the document saves the events with it; {@link OutboxRelay} sends and removes them.
 * Such documents should be versioned ({@code @Version}) so a stale save cannot drop an event
 * another write added.
 */
public interface OutboxAggregate {

    String OUTBOX_FIELD = "outbox";

    List<PendingEvent> outbox();
}
