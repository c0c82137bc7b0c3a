package org.netzerocities.events.outbox;

/** An aggregate document whose outbox the relay should look at. */
record AggregateRef(String collection, Object id) {

    String leaseId() {
        return collection + "/" + id;
    }
}
