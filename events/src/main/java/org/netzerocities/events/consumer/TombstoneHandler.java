package org.netzerocities.events.consumer;

import java.util.function.Consumer;

/**
 * Forgets a key when a compacted topic carries a tombstone (a record with no value) for it, e.g. the
 * contact of an erased member. Tombstones are never dead-lettered; without a handler they are skipped.
 */
public interface TombstoneHandler {

    String topic();

    void forget(String key);

    static TombstoneHandler on(String topic, Consumer<String> forget) {
        return new TombstoneHandler() {

            @Override
            public String topic() {
                return topic;
            }

            @Override
            public void forget(String key) {
                forget.accept(key);
            }
        };
    }
}
