package org.netzerocities.events.contract;

/**
 * One published event type. The CloudEvents {@code type} string is the contract; the payload class is
 * only this codebase's way of writing it.
 *
 * @param type        CloudEvents type, versioned ({@code org.netzerocities.<service>.<aggregate>.<fact>.v<n>})
 * @param topic       per-aggregate topic the type lives on
 * @param payloadType record serialised as the JSON body
 * @param schema      classpath location of the payload's JSON Schema
 */
public record EventType<T>(String type, String topic, Class<T> payloadType, String schema) {

    public EventType {
        if (!type.matches("org\\.netzerocities(\\.[a-z-]+)+\\.v\\d+")) {
            throw new IllegalArgumentException("Event type must be versioned and namespaced: " + type);
        }
    }
}
