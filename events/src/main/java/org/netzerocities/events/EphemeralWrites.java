package org.netzerocities.events;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.WriteConcern;

/**
 * Bookkeeping the backbone can afford to lose in a crash (the relay's leases, which expire anyway; the marks of
 * handled events, behind which the handlers' own guards still stand) is written acknowledged by one node without
 * waiting for its journal: it costs no synchronous commit on the way from a write to its consumers.
 */
public final class EphemeralWrites {

    private EphemeralWrites() {
    }

    /** A template on the same database and mapping whose writes use {@code w: 1, j: false}. */
    public static MongoTemplate of(MongoTemplate mongo) {
        MongoTemplate ephemeral = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter());
        ephemeral.setWriteConcern(WriteConcern.W1.withJournal(false));
        return ephemeral;
    }
}
